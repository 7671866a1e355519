"""The CLI end to end on small inputs written here (the full pipeline runs: marked slow)."""
import json

import pytest
from click.testing import CliRunner

from claimwatch.serve.cli import cli

REPORT = ("Suicide bomber kills 14 at Kabul market\n\n"
          "KABUL, March 5 - A suicide bomber blew himself up at a crowded market in Kabul on Tuesday, "
          "killing at least 14 people and wounding 30 others, police said. The Taliban denied any involvement.")
QUIET = "The finance ministry published its quarterly budget figures on Monday."


def jsonl(tmp_path, rows):
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("bad_line", ["{not json"])
def test_cli_extract_jsonl_keeps_ids_order_and_failures(tmp_path, bad_line):
    path = jsonl(tmp_path, [{"id": "r1", "text": REPORT, "published": "2024-03-06"}, bad_line,
                            {"id": "r2", "text": QUIET, "published": "2024-03-06"}])
    result = CliRunner().invoke(cli, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line.get("id") for line in lines][0] == "r1" and lines[-1]["id"] == "r2"
    assert lines[1]["error"]["code"] == "E108"
    main = lines[0]["incidents"][0]
    assert (main["type"], main["date"]["value"], main["killed"]["value"], main["suicide"]) == ("bombing", "2024-03-05", 14, True)
    assert lines[2]["incidents"] == []


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["geojson"])
def test_cli_ingest_query_show_export(tmp_path, fmt):
    db = str(tmp_path / "t.db")
    path = jsonl(tmp_path, [{"id": "r1", "text": REPORT, "published": "2024-03-06"}, "[1, 2]"])
    runner = CliRunner()
    summaries = [json.loads(runner.invoke(cli, ["ingest", str(path), "--db", db, "--json"]).stdout) for _ in range(2)]
    assert [(s["stored"], s["duplicates"], s["failed"]) for s in summaries] == [(1, 0, 1), (0, 1, 1)]
    listed = json.loads(runner.invoke(cli, ["incidents", "--db", db, "--json"]).stdout)
    assert [row["reports"] for row in listed] == [["r1"]]
    shown = runner.invoke(cli, ["show", str(listed[0]["id"]), "--db", db])
    record = json.loads(runner.invoke(cli, ["show", str(listed[0]["id"]), "--db", db, "--json"]).stdout)["record"]
    assert record["killed"]["value"] == 14
    assert f"[{record['killed']['evidence']['text']}]" in shown.stdout
    exported = json.loads(runner.invoke(cli, ["export", "--db", db, "--format", fmt]).stdout)
    assert exported["features"][0]["geometry"]["type"] == "Point"
    failures = json.loads(runner.invoke(cli, ["failures", "--db", db, "--json"]).stdout)
    assert [f["code"] for f in failures] == ["E108"]  # the same bad line, met twice, recorded once


@pytest.mark.parametrize("incident_id", ["42"])
def test_cli_show_missing_is_coded_error(tmp_path, incident_id):
    result = CliRunner().invoke(cli, ["show", incident_id, "--db", str(tmp_path / "empty.db")])
    assert result.exit_code == 1 and "[E401]" in result.output


@pytest.mark.parametrize("args", [["extract"], ["show"]])
def test_cli_usage_errors_exit_2(args):
    assert CliRunner().invoke(cli, args).exit_code == 2
