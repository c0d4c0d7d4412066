"""Asynchronous states: a resource shows a transitional state, then its final one.

Transitions are lazy: ``schedule`` records when the final state is due and
``settle`` applies it on the next read, so no background thread is needed and a
restart from the state file keeps the timing.
"""

from . import clock


def schedule(resource, async_seconds, transitional, final):
    """Show ``transitional`` fields now and ``final`` ones after ``async_seconds``."""
    resource.update(transitional)
    if async_seconds <= 0:
        resource.update(final)
        resource.pop("_until", None)
        resource.pop("_then", None)
        return
    resource["_until"] = clock.now() + async_seconds
    resource["_then"] = dict(final)


def settle(resource):
    until = resource.get("_until")
    if until is not None and clock.now() >= until:
        resource.update(resource.pop("_then", {}))
        del resource["_until"]
    return resource


def pending(resource):
    settle(resource)
    return "_until" in resource
