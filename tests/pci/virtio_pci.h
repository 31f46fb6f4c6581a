/* SPDX-License-Identifier: MIT */
/*
 * The pci suite's modern virtio-pci transport (Virtual I/O Device 1.2
 * 4.1.4): where its structures are (virtio_caps.c) and the common
 * configuration's registers (4.1.4.3).
 */
#ifndef TESTS_PCI_VIRTIO_PCI_H
#define TESTS_PCI_VIRTIO_PCI_H

#include <stdint.h>

#include "runtime/case.h"
#include "tests/pci/pci.h"

enum { VPCI_COMMON = 1, VPCI_NOTIFY, VPCI_ISR, VPCI_DEVICE, VPCI_CAP_TYPES };

struct vpci {
	uintptr_t at[VPCI_CAP_TYPES]; /* each structure's VA (runtime/window.h), 0 none */
	uint64_t pa[VPCI_CAP_TYPES];  /* ... and its CPU physical address */
	uint32_t len[VPCI_CAP_TYPES];
	uint32_t notify_mult;
};

/* Common configuration (4.1.4.3). */
#define VPCI_DEV_FEAT_SEL   0x00
#define VPCI_DEV_FEAT	    0x04
#define VPCI_DRV_FEAT_SEL   0x08
#define VPCI_DRV_FEAT	    0x0c
#define VPCI_CONFIG_MSIX    0x10
#define VPCI_NUM_QUEUES	    0x12
#define VPCI_STATUS	    0x14
#define VPCI_Q_SELECT	    0x16
#define VPCI_Q_SIZE	    0x18
#define VPCI_Q_MSIX	    0x1a
#define VPCI_Q_ENABLE	    0x1c
#define VPCI_Q_NOTIFY_OFF   0x1e
#define VPCI_Q_DESC	    0x20
#define VPCI_Q_DRIVER	    0x28
#define VPCI_Q_DEVICE	    0x30
#define VPCI_NO_VECTOR	    0xffff
#define VPCI_F_VERSION_1_HI 1u /* feature bit 32, in the upper half */

/*
 * The function's vendor capabilities walked: 1 when the common, notify,
 * ISR and device structures each lie in an assigned BAR, else 0 with a
 * finding for each that does not.
 */
int vpci_find(struct test_ctx *t, struct pci_state *s, const struct pci_fn *f, struct vpci *v);

#endif
