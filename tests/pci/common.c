// SPDX-License-Identifier: MIT
/* What the pci suite's cases share: its state, a function by slot, the subject. */
#include <stddef.h>

#include "runtime/check.h"
#include "runtime/protocol.h"
#include "tests/pci/pci.h"

struct pci_state *pci_state(struct test_ctx *t)
{
	return (struct pci_state *)t->state;
}

struct pci_fn *pci_find(struct pci_state *s, uint32_t bus, uint32_t devfn)
{
	for (int i = 0; i < s->nfn; i++)
		if (s->fn[i].bus == bus && s->fn[i].devfn == devfn)
			return &s->fn[i];
	return NULL;
}

struct pci_fn *pci_at_slot(struct pci_state *s, uint32_t slot)
{
	return pci_find(s, s->ecam.first, PCI_DEVFN(slot, 0));
}

void pci_push_fn(struct test_ctx *t, const struct pci_fn *f)
{
	subject_push(t, "device", "%02x:%02x.%x", f->bus, f->devfn >> 3, f->devfn & 7);
}

struct pci_fn *pci_behind_bridge(struct pci_state *s, uint32_t slot)
{
	const struct pci_bridge *b = pci_bridge_at_slot(s, PCI_SLOT_BRIDGE);

	return b ? pci_find(s, b->sec, PCI_DEVFN(slot, 0)) : NULL;
}

struct pci_fn *pci_behind_nested(struct pci_state *s, uint32_t slot)
{
	const struct pci_bridge *b = pci_bridge_at_slot(s, PCI_SLOT_BRIDGE);

	for (int i = 0; b && i < s->nbr; i++)
		if (s->br[i].bus == b->sec &&
		    s->br[i].devfn == PCI_DEVFN(PCI_BRIDGE_NESTED_SLOT, 0))
			return pci_find(s, s->br[i].sec, PCI_DEVFN(slot, 0));
	return NULL;
}
