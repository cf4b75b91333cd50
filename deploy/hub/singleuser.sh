#!/bin/sh
# A learner's server, started by the hub as that learner (limits already in force): first the
# course into ~/nnlearn-course (copied at the first login; later ones add what a newer wheel
# brings and never overwrite a notebook the learner changed), then JupyterLab for the hub.
"$NNLEARN_HUB_ENV/bin/nnlearn" course "$HOME/nnlearn-course" --copy-only \
    || echo "nnlearn hub: the course could not be copied into $HOME/nnlearn-course (see above)" >&2
exec "$NNLEARN_HUB_ENV/bin/jupyterhub-singleuser" "$@"
