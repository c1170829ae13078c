"""Runs Python Lambda handlers without Docker, plugged into moto.

- ``function``: ``FunctionSpec``, one function version, and unpacking its code and layers.
- ``environment``: ``ExecutionEnvironment``, one warm worker process.
- ``worker``: the process itself (standard library only): init, handler, context, logs.
- ``runtime``: ``LambdaRuntime``, the pool of workers and the Lambda-shaped results.
- ``moto_patch``: ``MotoLambdaRuntime``, the only code that touches moto's internals.

The moto backend installs it when its server starts; see ``harness/backends/moto.py``.
"""

from __future__ import annotations

from harness.lambda_runtime.function import FunctionSpec, UnsupportedRuntime, zip_package
from harness.lambda_runtime.moto_patch import MotoIncompatible, MotoLambdaRuntime
from harness.lambda_runtime.runtime import Invocation, LambdaRuntime

__all__ = [
    "FunctionSpec",
    "Invocation",
    "LambdaRuntime",
    "MotoIncompatible",
    "MotoLambdaRuntime",
    "UnsupportedRuntime",
    "zip_package",
]
