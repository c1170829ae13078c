"""LocalStack for the labs: start it (in Docker, or on this machine without Docker), stop it,
and check what this machine can run.

``awslab localstack up|down|status`` calls :mod:`harness.launcher.localstack`;
``awslab doctor`` calls :mod:`harness.launcher.doctor`. The host-mode
virtual environment is built from ``requirements.txt`` in this package.
"""
