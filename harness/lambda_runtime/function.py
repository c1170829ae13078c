"""One function version as the runtime sees it, and its code unpacked on disk.

Nothing here knows moto: ``moto_patch`` builds a ``FunctionSpec`` from moto's
model, and tests build one by hand.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

PYTHON_RUNTIME = re.compile(r"python3\.\d+")
PACKAGE_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold


class UnsupportedRuntime(Exception):
    """A function this runtime cannot run (Node.js, Java, a container image...)."""


@dataclass(frozen=True)
class FunctionSpec:
    """What the runtime needs of one function version: code, handler, configuration."""

    name: str
    version: str
    arn: str
    region: str
    runtime: str | None
    handler: str | None
    timeout: int = 3
    memory_size: int = 128
    environment: dict[str, str] = field(default_factory=dict)
    code: bytes = field(default=b"", repr=False)
    layers: tuple[bytes, ...] = field(default=(), repr=False)
    package_type: str = "Zip"

    @property
    def key(self) -> str:
        """Same key, same execution environment; any change of code or configuration
        gives a new key, so the next invoke gets a fresh worker (as after an update on AWS)."""
        digest = hashlib.sha256()
        identity = [
            self.name,
            self.version,
            self.arn,
            self.region,
            self.runtime,
            self.handler,
            self.timeout,
            self.memory_size,
            sorted(self.environment.items()),
            self.package_type,
        ]
        digest.update(json.dumps(identity).encode())
        for blob in (self.code, *self.layers):
            digest.update(hashlib.sha256(blob).digest())
        return digest.hexdigest()

    @property
    def version_id(self) -> tuple[str, str]:
        """Which function version this is, whatever its code: ``(arn, version)``."""
        return (self.arn, self.version)

    def check_supported(self) -> None:
        """Raise ``UnsupportedRuntime``, saying what is supported, unless this runs here."""
        if self.package_type != "Zip":
            raise UnsupportedRuntime(
                f"awslab's Lambda runtime runs .zip packages only; {self.name} is a "
                f"{self.package_type} function. Supported: Zip packages on python3.x runtimes."
            )
        if not self.runtime or not PYTHON_RUNTIME.fullmatch(self.runtime):
            raise UnsupportedRuntime(
                f"awslab's Lambda runtime runs Python functions only (python3.x runtimes, "
                f"e.g. python3.12); {self.name} has Runtime={self.runtime!r}."
            )
        if not self.handler:
            raise UnsupportedRuntime(f"{self.name} has no Handler (module.function)")


def unpack(spec: FunctionSpec, directory: Path) -> tuple[Path, Path]:
    """Unpack the code into ``directory/task`` and the layers, in order, into ``directory/opt``.

    Done once per function version: every worker of that version shares the
    folders, as execution environments share the read-only ``/var/task``.
    """
    task = directory / "task"
    opt = directory / "opt"
    if not task.is_dir():
        staging = directory / "staging"
        _extract(spec.code, staging / "task", f"{spec.name}'s deployment package")
        for number, layer in enumerate(spec.layers, start=1):
            # Later layers overwrite earlier ones' files, as in Lambda's /opt.
            _extract(layer, staging / "opt", f"layer {number} of {spec.name}")
        (staging / "opt").mkdir(parents=True, exist_ok=True)
        (staging / "task").rename(task)
        (staging / "opt").rename(opt)
        staging.rmdir()
    return task, opt


def _extract(blob: bytes, target: Path, what: str) -> None:
    target.mkdir(parents=True, exist_ok=True)
    if not blob:
        return
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            # extractall drops absolute paths and ".." parts: no file lands outside target.
            archive.extractall(target)
    except zipfile.BadZipFile as error:
        raise UnsupportedRuntime(f"{what} is not a .zip file: {error}") from None


def zip_package(files: dict[str, str | bytes]) -> bytes:
    """A .zip deployment package (or layer) from ``{"app.py": source, ...}``.

    The same files always make the same bytes: every entry carries one fixed
    date, not the time of zipping. Otherwise two packages of the same source
    zipped either side of a 2-second tick (a zip's time resolution) differ, so
    their ``CodeSha256`` differs and the runtime sees new code: a cold start
    where a warm worker should have answered.
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            entry = zipfile.ZipInfo(name, date_time=PACKAGE_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16  # rw-r--r--, as Lambda wants a package's files
            archive.writestr(entry, content)
    return buffer.getvalue()
