"""Third-party RDF tools for cross-checks: an own Virtuoso server, and Apache Jena's command-line classes.

Both come from Debian packages that ``tests/setup-tools.sh`` installs where apt-get works
(``virtuoso-opensource`` and ``libapache-jena-java``); a test that needs a missing tool is skipped
with the reason. Servers bind to 127.0.0.1 only and are always stopped, by their PID if need be.
Standard library and pytest only, so that this module works in any test environment.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
JAVA_DIR = Path("/usr/share/java")

# --------------------------------------------------------------------------------------------------
# Virtuoso

VIRTUOSO_MISSING = "virtuoso-t is not installed (tests/setup-tools.sh installs it where apt-get works)"
START_DEADLINE = 90.0  # seconds; a first start on an empty folder takes about 5 s
STOP_DEADLINE = 30.0


@dataclass(frozen=True)
class Virtuoso:
    """A running Virtuoso instance: where to query it, where to write graphs, and how to log in.

    ``crud_url`` is the SPARQL 1.1 Graph Store endpoint that needs HTTP digest authentication with
    ``user``/``password``; ``isql_port`` is the SQL port for ``isql-vt 127.0.0.1:<port> dba dba``.
    """

    sparql_url: str
    crud_url: str
    user: str
    password: str
    isql_port: int


class VirtuosoError(RuntimeError):
    """The server did not start or did not answer in time; the message ends with its log."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it)."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _virtuoso_ini(folder: Path, sql_port: int, http_port: int) -> str:
    return f"""\
; written by tests/servers.py: an own, throwaway Virtuoso instance bound to 127.0.0.1
[Database]
DatabaseFile       = {folder}/virtuoso.db
ErrorLogFile       = {folder}/virtuoso.log
LockFile           = {folder}/virtuoso.lck
TransactionFile    = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {folder}/virtuoso-temp.db
TransactionFile    = {folder}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort           = 127.0.0.1:{sql_port}
DisableUnixSocket    = 1
DisableTcpSocket     = 0
MaxClientConnections = 10
CheckpointInterval   = 60
CaseMode             = 2
AllowOSCalls         = 0
DirsAllowed          = ., {folder}
NumberOfBuffers      = 10000
MaxDirtyBuffers      = 6000
MaxQueryMem          = 500M

[HTTPServer]
ServerPort           = 127.0.0.1:{http_port}
ServerRoot           = {folder}/vsp
MaxClientConnections = 10
ServerThreads        = 10
DavRoot              = DAV
EnabledDavVSP        = 0
HTTPProxyEnabled     = 0
Charset              = UTF-8
EnabledGzipContent   = 0

[SPARQL]
ResultSetMaxRows           = 100000
MaxQueryCostEstimationTime = 400
MaxQueryExecutionTime      = 60
"""


def _printed(folder: Path, start: int) -> str:
    """What the server printed since offset ``start`` (in the foreground: its log and any crash)."""
    try:
        with open(folder / "virtuoso.out", "rb") as stream:
            stream.seek(start)
            return stream.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _log_tail(folder: Path, start: int = 0, lines: int = 40) -> str:
    """The last lines the server printed since ``start``, for error messages."""
    text = _printed(folder, start).splitlines()[-lines:]
    if not text:
        return f"(virtuoso-t printed nothing; see {folder / 'virtuoso.log'})"
    return f"--- {folder / 'virtuoso.out'} (last {len(text)} lines) ---\n" + "\n".join(text)


def _answers(sparql_url: str) -> bool:
    """Whether the SPARQL endpoint answers a trivial query with 200 (no proxies, short timeout)."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    url = sparql_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    try:
        with opener.open(request, timeout=3) as response:
            response.read()
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def _stop(process: subprocess.Popen[bytes], isql: str | None, sql_port: int, user: str, password: str) -> None:
    """Ask the server to shut down (it checkpoints first); kill it by its PID if it does not."""
    if process.poll() is not None:
        return
    if isql is not None:
        try:
            subprocess.run([isql, f"127.0.0.1:{sql_port}", user, password, "exec=shutdown;"], check=False,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=STOP_DEADLINE)
        except subprocess.TimeoutExpired:
            pass
        try:
            process.wait(timeout=STOP_DEADLINE)
            return
        except subprocess.TimeoutExpired:
            pass
    for sig, wait in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
        if process.poll() is not None:
            return
        try:
            os.kill(process.pid, sig)
        except ProcessLookupError:
            return
        try:
            process.wait(timeout=wait)
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def virtuoso_server(folder: Path) -> Iterator[Virtuoso]:
    """Run an own Virtuoso instance with its database in ``folder``, and stop it afterwards.

    Needs ``virtuoso-t`` on the PATH (``isql-vt`` too, for a clean shutdown; without it the server is
    killed). Writes ``folder/virtuoso.ini`` with free 127.0.0.1 ports for SQL and HTTP, starts
    ``virtuoso-t +foreground +configfile folder/virtuoso.ini``, and waits until ``/sparql`` answers;
    a first start on an empty folder takes about 5 s and about 60 MB of disk. Skips the test when
    ``virtuoso-t`` is not installed; raises :class:`VirtuosoError` with the server's log when it
    exits early or does not answer within the deadline. The server always stops at the end:
    ``isql-vt ... exec=shutdown;`` first, then SIGTERM and SIGKILL by its PID.

    Virtuoso's default graph is the union of all its graphs (plus ~2,500 system triples): query
    with ``FROM`` or ``GRAPH``. Never POST ``application/sparql-query`` to it (the request hangs);
    use GET or a form POST, always with a client timeout.
    """
    server = shutil.which("virtuoso-t")
    if server is None:
        pytest.skip(VIRTUOSO_MISSING)
    isql = shutil.which("isql-vt")
    folder = Path(folder).resolve()
    (folder / "vsp").mkdir(parents=True, exist_ok=True)
    user = password = "dba"  # a fresh database's DBA account

    for attempt in range(3):
        sql_port, http_port = free_port(), free_port()
        while http_port == sql_port:
            http_port = free_port()
        ini = folder / "virtuoso.ini"
        ini.write_text(_virtuoso_ini(folder, sql_port, http_port), encoding="utf-8")
        sparql_url = f"http://127.0.0.1:{http_port}/sparql"
        with open(folder / "virtuoso.out", "ab") as out:
            start = out.tell()
            process = subprocess.Popen(
                [server, "+foreground", "+configfile", str(ini)],
                cwd=folder, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True,  # a Ctrl-C in pytest does not reach it; we stop it ourselves
            )
        try:
            deadline = time.monotonic() + START_DEADLINE
            # Ready when the server logs that it is online on our ports (so the answer below cannot
            # come from another process that took the port) and /sparql answers.
            online = f"Server online at 127.0.0.1:{sql_port}"
            while not (online in _printed(folder, start) and process.poll() is None and _answers(sparql_url)):
                if process.poll() is not None:
                    log = _log_tail(folder, start)
                    if attempt < 2 and "failed" in log.lower() and "listen" in log.lower():
                        break  # another process took one of the ports since we picked it: try others
                    raise VirtuosoError(
                        f"virtuoso-t exited with status {process.returncode} before {sparql_url} "
                        f"answered\n{log}")
                if time.monotonic() > deadline:
                    raise VirtuosoError(
                        f"virtuoso-t (PID {process.pid}) did not answer on {sparql_url} within "
                        f"{START_DEADLINE:.0f} s\n{_log_tail(folder, start)}")
                time.sleep(0.25)
            else:
                yield Virtuoso(
                    sparql_url=sparql_url,
                    crud_url=f"http://127.0.0.1:{http_port}/sparql-graph-crud-auth",
                    user=user, password=password, isql_port=sql_port,
                )
                return
        finally:
            _stop(process, isql, sql_port, user, password)
    raise VirtuosoError(f"virtuoso-t could not get free ports in 3 attempts\n{_log_tail(folder)}")


# --------------------------------------------------------------------------------------------------
# Apache Jena

JENA_MISSING = "Apache Jena is not installed (tests/setup-tools.sh installs libapache-jena-java where apt-get works)"
# The jena-*.jar files the command-line classes need (Debian also ships versioned copies).
JENA_JARS = (
    "jena-base", "jena-core", "jena-arq", "jena-iri", "jena-shacl", "jena-shex", "jena-cmds",
    "jena-rdfconnection", "jena-tdb", "jena-tdb2", "jena-dboe-base", "jena-dboe-index",
    "jena-dboe-storage", "jena-dboe-trans-data", "jena-dboe-transaction",
)
# Their dependencies in /usr/share/java; slf4j-simple rather than slf4j-nop, which hides errors.
JENA_DEPENDENCIES = (
    "commons-cli", "commons-codec", "commons-compress", "commons-csv", "commons-io", "commons-lang3",
    "dexx.collection", "gson", "guava", "httpclient", "httpcore", "jackson-core", "jackson-databind",
    "jackson-annotations", "jsonld-java", "jakarta.json-api", "protobuf", "thrift", "titanium-json-ld",
    "slf4j-api", "slf4j-simple",
)
XERCES_PREFIX = "org/apache/jena/ext/xerces/"


def _xerces_messages(core_jar: Path) -> Path:
    """A folder holding Jena's xerces message files where Debian's Jena looks for them.

    Debian's Jena 4.5 relocates the bundled xerces classes to the package ``xerces`` but leaves their
    message files under ``org/apache/jena/ext/xerces`` in jena-core.jar, so every command dies with
    ``ExceptionInInitializerError`` ("internal error" in ``XSSimpleTypeDecl``). Extracting them as
    ``<folder>/xerces/...`` and putting ``<folder>`` on the classpath fixes that. Extracted once per
    jena-core.jar version into ``build/jena-xerces/`` (or the temp folder if that is not writable).
    """
    stat = core_jar.stat()
    stamp = f"{stat.st_size}-{stat.st_mtime_ns}"
    for base in (ROOT / "build" / "jena-xerces", Path(tempfile.gettempdir()) / "autokg-jena-xerces"):
        target = base / stamp
        if (target / "xerces").is_dir():
            return target
        try:
            base.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(dir=base, prefix=".extract-"))
            with zipfile.ZipFile(core_jar) as jar:
                for name in jar.namelist():
                    if name.startswith(XERCES_PREFIX) and not name.endswith("/"):
                        dest = staging / "xerces" / name[len(XERCES_PREFIX):]
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        dest.write_bytes(jar.read(name))
            if not (staging / "xerces").is_dir():
                pytest.skip(f"{core_jar} holds no {XERCES_PREFIX} message files; this Jena is unexpected")
            try:
                staging.rename(target)
            except OSError:  # another process got there first
                shutil.rmtree(staging, ignore_errors=True)
            if (target / "xerces").is_dir():
                return target
        except OSError:
            continue
    pytest.skip("cannot extract Jena's xerces message files into build/ or the temp folder")


def jena_classpath() -> str:
    """The classpath for Jena's command-line classes, or skip the test when something is missing."""
    if not (JAVA_DIR / "jena-core.jar").is_file():
        pytest.skip(JENA_MISSING)
    missing = [name for name in JENA_JARS + JENA_DEPENDENCIES if not (JAVA_DIR / f"{name}.jar").is_file()]
    if missing:
        pytest.skip(f"Apache Jena is incomplete: {', '.join(n + '.jar' for n in missing)} missing in {JAVA_DIR} "
                    "(tests/setup-tools.sh installs libapache-jena-java where apt-get works)")
    jars = [str(JAVA_DIR / f"{name}.jar") for name in JENA_JARS + JENA_DEPENDENCIES]
    return os.pathsep.join([*jars, str(_xerces_messages(JAVA_DIR / "jena-core.jar"))])


def jena(main_class: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run one of Apache Jena's command-line classes, e.g. ``riotcmd.riot`` or ``shacl.shacl``.

    Needs ``java`` on the PATH and Debian's ``libapache-jena-java`` (jars in /usr/share/java);
    skips the test when either is missing. Returns the finished process with its exit status and
    its output as text (UTF-8); does not raise on a non-zero status, raises
    ``subprocess.TimeoutExpired`` after ``timeout`` seconds. Each call starts a JVM (about 1 s).
    Jena logs its errors (e.g. ``[line: 3, col: 1 ] ...``) on stderr through slf4j-simple.
    """
    java = shutil.which("java")
    if java is None:
        pytest.skip("java is not installed, so Apache Jena cannot run "
                    "(tests/setup-tools.sh installs default-jre-headless where apt-get works)")
    command = [
        java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",  # quicker short runs
        "-Dfile.encoding=UTF-8", "-Dsun.stdout.encoding=UTF-8", "-Dsun.stderr.encoding=UTF-8",
        "-cp", jena_classpath(), main_class, *args,
    ]
    return subprocess.run(command, check=False, capture_output=True, text=True, encoding="utf-8",
                          errors="replace", stdin=subprocess.DEVNULL, timeout=timeout)
