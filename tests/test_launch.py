"""The dashboard's launcher (indicators.app.launch): the command it serves with and where it finds the
server's address. That the script really runs ahead is what the browser tests' server does
(benchmarks.bench_dashboard.serve raises when the warm-up run fails)."""

from __future__ import annotations

import pytest

from indicators.app import launch


def test_the_command_serves_the_dashboard_with_the_health_check_on():
    cmd = launch.command("--server.port", "8600")
    assert cmd[1:4] == ["-m", "streamlit", "run"] and cmd[4].endswith("dashboard.py")
    i = cmd.index("--server.scriptHealthCheckEnabled")
    assert cmd[i + 1] == "true" and cmd[-2:] == ["--server.port", "8600"]


@pytest.mark.parametrize(("line", "url"), [
    ("  Local URL: http://localhost:8501\n", "http://localhost:8501"),
    ("  URL: http://127.0.0.1:8596\n", "http://127.0.0.1:8596"),
    ("  Network URL: http://192.0.2.2:8501\n", None),          # the first address printed is the local one
    ("Please go to https://docs.streamlit.io/ for debugging hints.\n", None),
])
def test_the_servers_address_is_read_from_its_output(line, url):
    found = launch._SERVING.match(line)
    assert (found[1] if found else None) == url


def test_nothing_listening_is_not_healthy_and_not_warmed():
    assert not launch.healthy("http://127.0.0.1:9", timeout=0.5)
    assert not launch.warm("http://127.0.0.1:9", timeout=0.5)


def test_a_server_started_here_is_marked_in_its_environment_and_the_rest_is_kept():
    env = launch.environment({"INDICATORS_DB": "x.duckdb"})
    assert env == {"INDICATORS_DB": "x.duckdb", launch.WARMED_ENV: "1"}
