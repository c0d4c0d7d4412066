"""Handlers by operationId: ``@operation("GetCluster")`` registers one."""

HANDLERS = {}


def operation(operation_id):
    def decorate(func):
        if operation_id in HANDLERS:
            raise RuntimeError("two handlers for %s" % operation_id)
        HANDLERS[operation_id] = func
        return func
    return decorate
