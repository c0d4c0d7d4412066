"""Path parameters the live document names otherwise than the contract."""

from . import PATH_PARAMS

PATH_PARAMS.update({
    "CreateRestore": {"destination_cluster_id": "cluster_id"},
})
