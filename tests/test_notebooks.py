"""The course notebooks: stored clean, shaped alike, and runnable top to bottom offline.

Each notebook under notebooks/ (teacher ones included, except the Voila dashboard,
which the teacher-mode tests drive in a browser) is executed in a fresh kernel with
nbclient, the way "Restart Kernel and Run All Cells" would, with two cells injected
around it and removed again before anything is measured:

- first, a guard: outbound network refused inside the kernel (only loopback may be
  reached; a DNS lookup of any other name is refused too), and every warning turned
  into an error;
- last, a probe that reports the kernel's peak memory (``ru_maxrss``).

Widgets: nbclient answers a widget's ``comm_open`` by mimicking a front end for
Output widgets, and can then wait for the full cell timeout (an open nbclient
issue about comm handlers). The kit's exercise controls need no front end, so the
client gets a no-op handler for the widget comm target: cells that show widgets
finish in milliseconds.

The execution tests are marked ``notebooks`` (``make test-fast`` leaves them out);
the static checks of the stored files are not, so they run in every loop. Set
``CSTOKIT_EXECUTED_DIR`` to keep the executed copies, ``CSTOKIT_NOTEBOOK_REPORT``
to write the timings, sizes and memory of every notebook as JSON.
"""

from __future__ import annotations

import copy
import json
import os
import re
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbformat.v4 import new_code_cell

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
# The Voila dashboard is driven by the teacher-mode browser tests, not executed here.
NOT_EXECUTED_HERE = {"teacher/dashboard.ipynb", "fr/enseignant/tableau_de_bord.ipynb"}
# How each edition writes the parts every lesson has (tests/test_french.py pairs the lessons).
OPENING = {
    "en": ("## Questions", "## Objectives", "## Prerequisites", "| Concept |"),
    "fr": ("## Questions", "## Objectifs", "## Prérequis", "| Notion |"),
}
TIME = {"en": r"Time:\s\d+ minutes", "fr": r"Durée\s:\s\d+ minutes"}
CLOSING = {"en": ("## Key points", "## What next"), "fr": ("## À retenir", "## Et ensuite")}
COURSE = [
    "00_start_here.ipynb",
    "01_kazakhstan_2022.ipynb",
    "01b_reading_the_press.ipynb",
    "02_reading_the_treaties.ipynb",
    "03_members_through_time.ipynb",
    "04_invoking_the_clauses.ipynb",
    "05_compare_and_argue.ipynb",
]
TEACHER = ["teacher/guide.ipynb", "teacher/answers.ipynb"]

CELL_TIMEOUT = 120  # seconds per cell (nbclient)
NOTEBOOK_TIMEOUT = 240  # seconds per notebook, kernel start included (pytest-timeout)
SIZE_BUDGET = 3_000_000  # bytes per executed notebook: small enough for a classroom laptop

GUARD = r'''
# Injected by tests/test_notebooks.py (removed from the executed copy).
def _cstokit_test_guard():
    import ipaddress
    import socket
    import warnings

    class NetworkBlockedError(OSError):
        """Raised instead of reaching a host other than this machine."""

    names = {"", "localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}

    def is_loopback(host):
        if host is None:
            return True
        if isinstance(host, bytes):
            host = host.decode("ascii", "replace")
        host = str(host).strip("[]").split("%")[0]
        if host.lower() in names:
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False  # any other name would need a DNS query: refused

    def check(address):
        # Unix-socket paths (str/bytes) stay local; (host, port, ...) tuples are checked.
        if isinstance(address, tuple) and address and not is_loopback(address[0]):
            raise NetworkBlockedError(f"network blocked in the notebook tests: {address!r}")

    real = socket.socket
    real_connect, real_connect_ex, real_sendto = real.connect, real.connect_ex, real.sendto
    real_getaddrinfo, real_gethostbyname = socket.getaddrinfo, socket.gethostbyname

    def connect(self, address):
        check(address)
        return real_connect(self, address)

    def connect_ex(self, address):
        check(address)
        return real_connect_ex(self, address)

    def sendto(self, data, *args):
        check(args[-1])
        return real_sendto(self, data, *args)

    def getaddrinfo(host, *args, **kwargs):
        check((host,))
        return real_getaddrinfo(host, *args, **kwargs)

    def gethostbyname(host):
        check((host,))
        return real_gethostbyname(host)

    real.connect, real.connect_ex, real.sendto = connect, connect_ex, sendto
    socket.getaddrinfo, socket.gethostbyname = getaddrinfo, gethostbyname
    socket.NetworkBlockedError = NetworkBlockedError

    # Every warning the notebook or the kit raises is an error.
    warnings.simplefilter("error")
    # ...except one that ipykernel 7 raises about its own IPythonKernel.do_shutdown when
    # the test stops the kernel: third-party, not about the notebook, and as an error it
    # would only turn a clean shutdown into a killed kernel.
    warnings.filterwarnings(
        "ignore", category=PendingDeprecationWarning, module=r"ipykernel\.kernelbase"
    )


_cstokit_test_guard()
del _cstokit_test_guard
'''

PROBE = r"""
# Injected by tests/test_notebooks.py (removed from the executed copy).
import json as _json
import resource as _resource

print("CSTOKIT_STATS " + _json.dumps({"maxrss_kb": _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss}))
"""


def _no_widget_frontend(msg):
    """Comm-open handler that mimics no front end: widgets need none to be displayed."""
    return None


def notebook_paths() -> list[str]:
    found = sorted(p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOKS.rglob("*.ipynb"))
    return [p for p in found if ".ipynb_checkpoints" not in p]


def executed_paths() -> list[str]:
    return [p for p in notebook_paths() if p not in NOT_EXECUTED_HERE]


def read(rel: str):
    return nbformat.read(NOTEBOOKS / rel, as_version=4)


class NotebookFailed(AssertionError):
    pass


ANSI = re.compile(r"\x1b\[[0-9;]*m")  # tracebacks from the kernel come coloured


def execute(nb, cwd: Path, name: str):
    """Run ``nb`` in a fresh kernel with the guard and the probe; return (nb, seconds, stats)."""
    nb = copy.deepcopy(nb)
    nb.cells.insert(0, new_code_cell(GUARD.strip()))
    nb.cells.append(new_code_cell(PROBE.strip()))
    client = NotebookClient(
        nb,
        timeout=CELL_TIMEOUT,
        startup_timeout=60,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd)}},
        record_timing=False,
    )
    client.comm_open_handlers = {"jupyter.widget": _no_widget_frontend}
    start = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as exc:
        raise NotebookFailed(_describe_failure(name, nb, exc)) from None
    seconds = time.perf_counter() - start
    # A failing _repr_html_ inside display() leaves an error output in a cell that nbclient
    # still counts as run: that is a failure too.
    for cell in nb.cells:
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            detail = "\n".join(f"{o['ename']}: {ANSI.sub('', o['evalue'])[:500]}" for o in errors)
            raise NotebookFailed(_describe_failure(name, nb, RuntimeError(detail)))
    stats = {}
    for out in nb.cells[-1].outputs:
        for line in out.get("text", "").splitlines():
            if line.startswith("CSTOKIT_STATS "):
                stats = json.loads(line.split(" ", 1)[1])
    nb.cells = nb.cells[1:-1]
    return nb, seconds, stats


def _describe_failure(name: str, nb, exc: Exception) -> str:
    exc = ANSI.sub("", str(exc))
    for index, cell in enumerate(nb.cells):
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            # The guard is cell 0, so index is the cell's 1-based number in the notebook.
            where = "the injected guard" if index == 0 else f"cell {index} (id {cell.get('id')})"
            return f"{name}: {where} failed.\n{exc}"  # nbclient's message shows the source
    return f"{name}: execution failed: {exc}"


@pytest.fixture(scope="session")
def notebook_report(request):
    report: dict[str, dict] = {}
    yield report
    if not report:
        return
    lines = ["", "Executed notebooks (fresh kernel, network blocked, warnings as errors):"]
    for name, row in report.items():
        lines.append(
            f"  {name:36s} {row['seconds']:6.1f} s  kernel peak {row['peak_mb']:6.0f} MB  "
            f"executed {row['bytes'] / 1e6:5.2f} MB"
        )
    total = sum(r["seconds"] for r in report.values())
    peak = max(r["peak_mb"] for r in report.values())
    lines.append(f"  {'all':36s} {total:6.1f} s  kernel peak {peak:6.0f} MB")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is not None and capture is not None:
        with capture.global_and_fixture_disabled():  # session teardown output is captured
            for line in lines:
                reporter.write_line(line)
    target = os.environ.get("CSTOKIT_NOTEBOOK_REPORT")
    if target:
        Path(target).write_text(json.dumps(report, indent=1), encoding="utf-8")


# ---------------------------------------------------------------------------
# The stored notebooks
# ---------------------------------------------------------------------------


def test_the_course_is_all_there():
    present = set(notebook_paths())
    missing = [n for n in COURSE + TEACHER if n not in present]
    assert not missing, f"missing notebooks: {missing}"


@pytest.mark.parametrize("name", notebook_paths())
def test_stored_without_outputs(name):
    nb = read(name)
    dirty = [
        i
        for i, cell in enumerate(nb.cells, 1)
        if cell.cell_type == "code" and (cell.outputs or cell.execution_count is not None)
    ]
    assert not dirty, f"{name}: cells {dirty} carry outputs or execution counts; clear them"
    assert "widgets" not in nb.metadata, f"{name}: saved widget state in the metadata"


@pytest.mark.parametrize("name", [n for n in notebook_paths() if n not in NOT_EXECUTED_HERE])
def test_opens_and_closes_like_every_lesson(name):
    nb = read(name)
    edition = "fr" if name.startswith("fr/") else "en"
    assert nb.nbformat == 4
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", f"{name}: kernel"
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), f"{name}: title"
    for section in OPENING[edition]:
        assert section in first.source, f"{name}: opening cell lacks {section!r}"
    assert re.search(TIME[edition], first.source), f"{name}: no {TIME[edition]!r}"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and "import cstokit" in code[0].source, f"{name}: imports do not come first"
    key_points, what_next = CLOSING[edition]
    closing = [c for c in nb.cells if c.cell_type == "markdown" and key_points in c.source]
    assert closing, f"{name}: no {key_points!r} cell"
    assert what_next in nb.cells[-1].source, f"{name}: does not close with {what_next!r}"


@pytest.mark.parametrize("name", COURSE)
def test_student_notebooks_hold_no_answers(name):
    """Every check in a student notebook is fed a variable that the same cell sets to ``...``."""
    nb = read(name)
    for cell in nb.cells:
        if cell.cell_type != "code" or "cstokit.check(" not in cell.source:
            continue
        for variable in re.findall(r"cstokit\.check\(\s*\"[^\"]+\"\s*,\s*(\w+)\s*\)", cell.source):
            body = cell.source.split("cstokit.check(")[0]
            # a dict of ... is unanswered too
            assert re.search(rf"^{variable}\s*=\s*(\.\.\.|\{{)", body, re.M), (
                f"{name}: {cell.source!r} passes {variable} without leaving it as ..."
            )
            assert not re.search(r":\s*\(?\"(holds|misleading|wrong|cannot-check)\"", body), (
                cell.source
            )


def test_every_exercise_named_in_a_notebook_exists():
    import cstokit

    valid = set(cstokit.exercise_ids())
    for name in notebook_paths():
        for cell in read(name).cells:
            for used in re.findall(r'cstokit\.(?:exercise|check)\("([^"]+)"', cell.source):
                assert used in valid, f"{name} uses unknown exercise {used!r}"


# ---------------------------------------------------------------------------
# Execution
# ---------------------------------------------------------------------------


@pytest.mark.notebooks
@pytest.mark.slow
@pytest.mark.timeout(NOTEBOOK_TIMEOUT)
@pytest.mark.parametrize("name", executed_paths())
def test_runs_top_to_bottom_offline(name, notebook_report):
    path = NOTEBOOKS / name
    nb, seconds, stats = execute(read(name), path.parent, name)
    text = nbformat.writes(nb)
    size = len(text.encode("utf-8"))
    report_row = {
        "seconds": round(seconds, 1),
        "peak_mb": stats.get("maxrss_kb", 0) / 1024,
        "bytes": size,
    }
    notebook_report[name] = report_row
    keep = os.environ.get("CSTOKIT_EXECUTED_DIR")
    if keep:
        target = Path(keep) / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    stderr = [
        (i, o.get("text", "")[:300])
        for i, cell in enumerate(nb.cells, 1)
        for o in cell.get("outputs", [])
        if o.get("output_type") == "stream" and o.get("name") == "stderr"
    ]
    assert not stderr, f"{name}: cells wrote to stderr: {stderr}"
    assert size < SIZE_BUDGET, f"{name}: executed copy is {size / 1e6:.2f} MB (budget 3 MB)"
    if name in COURSE:
        html = text
        assert "cstokit-correct" not in html and "cstokit-partly" not in html, (
            f"{name}: an exercise is answered in the student notebook"
        )


def _run_cells(*sources: str, tmp_path: Path):
    from nbformat.v4 import new_notebook

    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3"}
    nb.cells = [new_code_cell(s) for s in sources]
    executed, _, _ = execute(nb, tmp_path, "probe")
    return ["".join(o.get("text", "") for o in c.outputs) for c in executed.cells]


@pytest.mark.notebooks
@pytest.mark.slow
@pytest.mark.timeout(NOTEBOOK_TIMEOUT)
def test_the_kernel_cannot_reach_the_internet(tmp_path):
    outputs = _run_cells(
        """
import socket
import urllib.request

def attempt(action):
    try:
        action()
    except OSError as exc:
        return type(exc).__name__
    return "reached"

def send_udp():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
        udp.sendto(b"x", ("8.8.8.8", 53))

print(attempt(lambda: socket.create_connection(("8.8.8.8", 53), timeout=3)))
print(attempt(send_udp))
print(attempt(lambda: socket.getaddrinfo("example.org", 443)))
print(attempt(lambda: urllib.request.urlopen("http://example.org/", timeout=3)))
""",
        """
import socket
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
client = socket.create_connection(server.getsockname(), timeout=3)
print("loopback", "ok")
client.close()
server.close()
""",
        tmp_path=tmp_path,
    )
    blocked = outputs[0].split()
    assert blocked[:3] == ["NetworkBlockedError"] * 3, outputs[0]
    assert blocked[3] in {"NetworkBlockedError", "URLError"}, outputs[0]  # urllib wraps it
    assert "loopback ok" in outputs[1]


@pytest.mark.notebooks
@pytest.mark.slow
@pytest.mark.timeout(NOTEBOOK_TIMEOUT)
def test_a_warning_in_a_notebook_fails_the_run(tmp_path):
    with pytest.raises(NotebookFailed, match=r"(?s)probe: cell 2 .*UserWarning: a kit warning"):
        _run_cells(
            "import cstokit",
            'import warnings\nwarnings.warn("a kit warning")',
            tmp_path=tmp_path,
        )


@pytest.mark.notebooks
@pytest.mark.slow
@pytest.mark.timeout(NOTEBOOK_TIMEOUT)
def test_widget_cells_do_not_wait_for_the_timeout(tmp_path):
    start = time.perf_counter()
    _run_cells(
        "import cstokit",
        'cstokit.exercise("kaz_factcheck")',
        "import ipywidgets\nipywidgets.interact(lambda year: year, year=(1949, 1991))",
        tmp_path=tmp_path,
    )
    assert time.perf_counter() - start < CELL_TIMEOUT / 2


YOUR_ANSWER = "**Your answer**"


@pytest.mark.parametrize("name", COURSE)
def test_every_prompt_has_a_place_to_answer_and_each_lesson_an_exit_ticket(name):
    """A lesson leaves the student with answers written down: a "Your answer" cell right after
    every prompt (a Prompt, a Discuss box, a case step, the exit ticket)."""
    cells = read(name).cells
    prompts = [
        i
        for i, c in enumerate(cells)
        if c.cell_type == "markdown"
        and re.search(
            r"\*\*Prompt \d|> \*\*Discuss\.\*\*|\*\*Step \d|^## Exit ticket", c.source, re.M
        )
    ]
    assert prompts, f"{name}: no prompt to answer"
    for i in prompts:
        following = cells[i + 1] if i + 1 < len(cells) else None
        assert following is not None and following.cell_type == "markdown", (name, i)
        assert following.source.startswith(YOUR_ANSWER), f"{name}: cell {i + 1} has no answer cell"
    exit_tickets = [i for i, c in enumerate(cells) if c.source.startswith("## Exit ticket")]
    key_points = [i for i, c in enumerate(cells) if "## Key points" in c.source]
    assert len(exit_tickets) == 1 and exit_tickets[0] < key_points[0], name
    assert len(re.findall(r"^\d\. ", cells[exit_tickets[0]].source, re.M)) == 2, name


def test_the_argument_asks_for_its_length_a_rubric_a_peer_review_and_two_own_queries():
    cells = read("05_compare_and_argue.ipynb").cells
    text = "\n".join(c.source for c in cells if c.cell_type == "markdown")
    assert "600–800 words" in text
    for criterion in (
        "Claim",
        "Evidence and sourcing",
        "The treaty text and its version",
        "Counter-argument",
        "Accuracy",
    ):
        assert f"| **{criterion}** |" in text, criterion
    assert "### Peer review" in text
    own = [c for c in cells if c.cell_type == "code" and re.match(r"# Query \d", c.source)]
    assert len(own) >= 2


def test_the_novice_path_has_faded_tasks_and_a_bug_hunt():
    def sources(name):
        return "\n".join(c.source for c in read(name).cells)

    assert "my_parties = ..." in sources("01_kazakhstan_2022.ipynb")  # fill a blank
    assert "# try " in sources("03_members_through_time.ipynb")  # modify a working cell
    assert "## 6. Your own query" in sources("04_invoking_the_clauses.ipynb")  # write your own
    assert "## 5. Bug hunt" in sources("04_invoking_the_clauses.ipynb")
    for name in COURSE:
        if name != "00_start_here.ipynb":
            assert "> **Python note:" in sources(name) or name in (
                "05_compare_and_argue.ipynb",
                "03_members_through_time.ipynb",
            ), f"{name}: no Python note for a new idiom"


def test_every_reference_in_the_teacher_folder_resolves():
    """``[src: a; b]`` in the teacher's files names sources (or events, cases, records) the kit holds."""
    import cstokit

    known = set(cstokit.load("sources")["source_id"])
    known |= set(cstokit.load("events")["event_id"]) | set(cstokit.load("cases")["case_id"])
    known |= set(cstokit.load("invocations")["invocation_id"])
    known |= set(cstokit.load("factcheck")["claim_id"])
    missing = []
    for path in sorted((NOTEBOOKS / "teacher").glob("*.md")):
        # `[src: id]` in backticks is the notation explained, not a reference.
        for body in re.findall(r"(?<!`)\[src: ([^\]]+)\]", path.read_text(encoding="utf-8")):
            for token in re.split(r";\s*", body):
                token = token.strip().lstrip("> ")
                token = re.sub(r"^(event|case|cases|record|kit|factcheck) ", "", token)
                word = token.split(" ")[0].rstrip(",")
                if token.startswith(("data/", "`", "the kit")) or word in known:
                    continue
                missing.append((path.name, token))
    assert missing == []
