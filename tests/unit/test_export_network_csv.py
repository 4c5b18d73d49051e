"""The network over time in the CSV export (issue 18.3): the facts of each kept map and now, as the network
screen's own table, in the reader's language, opened as Excel in Flanders opens it."""

from __future__ import annotations

import pandas as pd

from facilitation import samples
from facilitation.domain import network as net
from facilitation.domain.snapshots import keep_map, map_facts_frame
from facilitation.export import render_bytes, targets
from facilitation.export.tables import network_frame
from facilitation.i18n import translate
from facilitation.services.export import export_case


def grown():  # type: ignore[no-untyped-def]
    """Jonas's case: the map kept at the first meeting; Marleen then told everything and in the safety
    network; the map kept again at the interim evaluation."""
    case = samples.load_sample("jonas-17")
    case = case.apply(keep_map(case, "m-nwo1", "2026-09-15"))
    case = case.apply(net.set_knowledge(case, "p-marleen", "all"))
    case = case.apply(net.set_safety_network(case, "p-marleen", True))
    return case.apply(keep_map(case, "m-tse", "2026-09-28"))


def read(path) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    return pd.read_csv(path, sep=";", encoding="utf-8-sig", keep_default_na=False, dtype=str)


def test_the_csv_export_writes_the_network_per_meeting(tmp_path):
    case = grown()
    paths = export_case(case, "csv", tmp_path / "tabellen.csv", lang="nl", overwrite=False)
    assert [p.name for p in paths][-1] == "tabellen-netwerk.csv"
    data = paths[-1].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data  # what Excel in Flanders opens
    df = read(paths[-1])
    assert list(df["datum overleg"]) == ["2026-09-15", "2026-09-28", ""]
    assert list(df["overleg"]) == ["Netwerkoverleg", "Tussentijdse evaluatie", "nu"]
    first, second = df.iloc[0], df.iloc[1]
    assert int(second["weten alles"]) == int(first["weten alles"]) + 1  # Marleen
    assert int(second["veiligheidsnetwerk"]) == int(first["veiligheidsnetwerk"]) + 1
    # The screen's own table, nothing recounted.
    screen = map_facts_frame(case, lambda key, **kw: translate("nl", key, **kw))
    assert list(df.columns) == list(screen.columns)
    assert [int(x) for x in df["mensen op de kaart (zonder de kinderen)"]] == list(screen.iloc[:, 2])


def test_in_english_the_file_and_its_columns_are_english(tmp_path):
    case = grown()
    [*_, path] = export_case(case, "csv", tmp_path / "tables", lang="en", overwrite=False)
    assert path.name == "tables-network.csv"
    df = read(path)
    assert "adults in the informal network" in df.columns and list(df["meeting"])[-1] == "now"
    assert list(network_frame(case, "en").columns) == list(df.columns)


def test_without_a_kept_map_the_table_is_the_network_now():
    df = network_frame(samples.load_sample("lina-en-noah"), "nl")
    assert len(df) == 1 and list(df["overleg"]) == ["nu"]


def test_targets_name_the_files_the_export_renders(tmp_path):
    case = samples.load_sample("lina-en-noah")
    for lang in ("nl", "en"):
        rendered = render_bytes(case, "csv", lang).keys()
        named = [p.name for p in targets(case, "csv", tmp_path / "t.csv", lang)]
        assert named == [f"t{suffix}" for suffix in rendered]
        assert len(named) == 3
