# -*- coding: utf-8 -*-
# Copyright (c) cockroachdb.cloud contributors
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

# This module_utils is PRIVATE and should only be used by this collection. Breaking
# changes can occur at any time.

"""Checks of option values that several resources share: a text's length, and the one
member a reference names (more than one is ambiguous)."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

from ansible_collections.cockroachdb.cloud.plugins.module_utils._kit.base import InvalidInput


def _text_check(value, option, longest):
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput("%s must not be empty" % option)
    if len(value) > longest:
        raise InvalidInput("%s must be at most %d characters, got %d" % (option, longest, len(value)))


def _one_of(matches, what, ref):
    """The one match, None for none; more than one is ambiguous."""
    if len(matches) > 1:
        raise InvalidInput("%d %ss are named %r (ids %s): give the id of the one you mean"
                           % (len(matches), what, ref, ", ".join(sorted(m.get("id") or "?" for m in matches))))
    return matches[0] if matches else None
