"""The emulators that run as processes of their own: LocalStack (start it in Docker, or
on this machine without Docker; stop it), AWS's DynamoDB Local (install it, run it, lend
it to LocalStack), and what this machine can run.

``awslab localstack up|down|status`` calls :mod:`harness.launcher.localstack`;
``awslab dynamodb-local install|status`` and the ``dynamodb-local`` backend call
:mod:`harness.launcher.dynamodb_local`; ``awslab doctor`` calls
:mod:`harness.launcher.doctor`. The host-mode virtual environment is built from
``requirements.txt`` in this package.
"""
