/* SPDX-License-Identifier: MIT */
/* Lists of words in one string, as bootargs ("a,b") and profiles ("a b") write them. */
#ifndef DT_STRLIST_H
#define DT_STRLIST_H

/* Is word one of the sep-separated words of list? */
int strlist_has(const char *list, char sep, const char *word);

#endif
