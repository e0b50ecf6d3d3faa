"""The planner's decisions in a model's drafts (interpret/llm/plan.py): planned sectors enforced, the
planner line and evidence appended, priorities under the rules file's thresholds, and the summary,
drafted with the clusters, naming their final labels."""

from __future__ import annotations

import json

import pytest

from interpret import resolve_settings
from interpret.drafting import draft_rule_based, sectors_of
from interpret.drafts import ClusterDraft, Rekomendasi, SummaryDraft
from interpret.llm import draft_with_chain
from interpret.llm.context import prompt_language, summary_context
from interpret.llm.plan import Planned, cluster_plans, priorities, relabel, sector_problem, with_parts
from interpret.rules import default_rules_path, load_rules

from .support import standin
from .test_llm_chain import FakeProvider, chain_settings


@pytest.fixture(scope="module")
def default_facts():
    from interpret.data import load_dataset
    from interpret.pipeline import stage_cluster

    _, facts = stage_cluster(load_dataset(None, None), resolve_settings({}, environ={}, dotenv_path=None))
    return facts, load_rules(None)


def rules_with(tmp_path, old: str, new: str):
    text = default_rules_path().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "sektor.toml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return load_rules(path)


# -- the plan ----------------------------------------------------------------------------------------
def test_the_plan_is_the_rule_based_recommendations_with_their_planner_line(default_facts):
    facts, rules = default_facts
    rule_based = draft_rule_based(facts, rules)
    plans = cluster_plans(rule_based, prompt_language())
    for draft in rule_based.clusters:
        assert [p.sektor for p in plans[draft.klaster]] == [r.sektor for r in draft.rekomendasi]
        for item, rec in zip(plans[draft.klaster], draft.rekomendasi):
            assert item.parts.startswith("Rincian: ") and rec.teks.endswith(item.parts)
    bansos = plans[4][0].as_data(prompt_language())  # cluster 4 lags on expenditure by more than 1.2 SD
    assert bansos == {"sektor": "bansos", "indikator": "Pengeluaran", "tingkat": "berat", "instrumen": "PKH, BPNT/Kartu Sembako, PBI-JKN"}
    assert "tingkat" not in plans[1][0].as_data(prompt_language())  # a leading cluster's programme has no gap to grade


def test_the_cluster_prompt_carries_the_plan_and_the_stability_flag(tmp_path, default_facts):
    facts, rules = default_facts
    provider = FakeProvider()
    draft_with_chain(facts, rules, chain_settings(tmp_path), providers=[provider])
    blocks = {b["klaster"]: b for m in provider.sent for b in standin.data_blocks(m)[:1] if isinstance(b.get("klaster"), int)}
    rule_based = draft_rule_based(facts, rules)
    for number, block in blocks.items():
        assert [item["sektor"] for item in block["rencana"]] == [r.sektor for r in rule_based.cluster(number).rekomendasi]
        assert block.get("sementara", False) == (number in facts.stability.unstable_clusters)


def test_a_draft_off_the_planned_sectors_is_a_problem_naming_them():
    plan = [Planned("bansos", ["K4.Pengeluaran.mean"], ""), Planned("kesehatan", ["K4.UHH.mean"], "")]
    message = "sektor rencana: {sectors}; sektor Anda: {given}"

    def draft(*sectors):
        return ClusterDraft(klaster=4, label="x", karakteristik=["a"], rekomendasi=[Rekomendasi(sektor=s, teks="t") for s in sectors])

    assert sector_problem(draft("kesehatan", "Bansos", "bansos"), plan, message) is None  # the same set, any order or case
    assert sector_problem(draft("bansos"), plan, message) == "sektor rencana: bansos, kesehatan; sektor Anda: bansos"
    assert sector_problem(draft("bansos", "kesehatan", "UMKM"), plan, message).endswith("bansos, kesehatan, UMKM")


def test_the_planner_line_and_evidence_follow_the_first_recommendation_of_each_sector():
    plan = [Planned("bansos", ["K4.Pengeluaran.mean", "REF.Pengeluaran", "K4.Pengeluaran.diff_pct"], "Rincian: tingkat selisih berat.")]
    draft = ClusterDraft(klaster=4, label="x", karakteristik=["a"], rekomendasi=[
        Rekomendasi(sektor="bansos", teks="Perluas bansos.", fakta=["K4.UHH.mean"]), Rekomendasi(sektor="bansos", teks="Tepatkan sasaran.")])
    first, second = with_parts(draft, plan).rekomendasi
    assert first.teks == "Perluas bansos. Rincian: tingkat selisih berat." and first.fakta == plan[0].fakta
    assert second.teks == "Tepatkan sasaran." and second.fakta == []
    assert with_parts(with_parts(draft, plan), plan).rekomendasi[0].teks == first.teks  # never twice


def test_a_model_off_the_plan_gets_one_repair_naming_the_planned_sectors_then_falls_back(tmp_path, default_facts):
    facts, rules = default_facts

    def answer(messages):
        draft = json.loads(standin.answer(messages))
        if draft.get("klaster") == 4:
            draft["rekomendasi"] = [{**draft["rekomendasi"][0], "sektor": "ketahanan pangan"}]
        return json.dumps(draft, ensure_ascii=False)

    provider = FakeProvider(answer=answer)
    drafts = draft_with_chain(facts, rules, chain_settings(tmp_path, llm_repairs=1), providers=[provider])
    source = {s.section: s for s in drafts.sources}
    assert source["klaster-4"].provider == "rule-based" and source["klaster-3"].provider == "watsonx"
    repair = next(m for m in provider.sent if len(m) == 4 and standin.data_blocks(m[:2])[0].get("klaster") == 4)
    assert "bansos, kesehatan, pendidikan, infrastruktur dasar" in repair[-1]["content"]
    assert sectors_of(drafts.cluster(4)) == sectors_of(draft_rule_based(facts, rules).cluster(4))


def test_a_models_recommendations_carry_the_planner_line_of_the_rule_based_drafter(tmp_path, default_facts):
    facts, rules = default_facts
    drafts = draft_with_chain(facts, rules, chain_settings(tmp_path), providers=[FakeProvider()])
    rule_based = draft_rule_based(facts, rules)
    assert {s.provider for s in drafts.sources} == {"watsonx"}
    for draft in drafts.clusters:
        planned = rule_based.cluster(draft.klaster).rekomendasi
        assert [r.sektor for r in draft.rekomendasi] == [r.sektor for r in planned]
        for mine, theirs in zip(draft.rekomendasi, planned):
            line = theirs.teks[theirs.teks.rfind("Rincian: "):]
            assert mine.teks.endswith(line) and mine.fakta == theirs.fakta
            assert not mine.teks.startswith(theirs.teks[:30])  # the model's own sentence, not the drafter's


# -- priorities under the rules file's thresholds --------------------------------------------------
def test_the_summary_prompt_carries_the_priorities_decided_with_the_rules_files_thresholds(tmp_path, default_facts):
    facts, rules = default_facts
    drafts = draft_rule_based(facts, rules).clusters
    default = {c["klaster"]: c for c in summary_context(facts, rules.book.sektor, drafts, rules.book.keputusan)["summary_data"]["klaster"]}
    assert default[4]["prioritas"] == 1 and default[4]["sementara"] is True
    assert default[2]["prioritas"] == default[3]["prioritas"] == 2 and default[3]["sejajar_dengan"] == [2]  # composites within 0.25 SD
    strict = rules_with(tmp_path, "sejajar_maks_sd = 0.25", "sejajar_maks_sd = 0.0").book.keputusan
    untied = {c["klaster"]: c for c in summary_context(facts, rules.book.sektor, drafts, strict)["summary_data"]["klaster"]}
    assert sorted(c["prioritas"] for c in untied.values()) == [1, 2, 3, 4] and not any("sejajar_dengan" in c for c in untied.values())
    assert priorities(facts, strict)[1] == {"prioritas": 4}


def test_a_summary_the_model_cannot_write_is_the_rule_based_one_with_the_rules_files_thresholds(tmp_path, default_facts):
    facts, _ = default_facts
    strict = rules_with(tmp_path, "sejajar_maks_sd = 0.25", "sejajar_maks_sd = 0.0")

    def answer(messages):
        return "bukan JSON" if "kesimpulan" in messages[-1]["content"] else standin.answer(messages)

    for rules, tied in ((load_rules(None), True), (strict, False)):
        drafts = draft_with_chain(facts, rules, chain_settings(tmp_path / str(tied), llm_repairs=0), providers=[FakeProvider(answer=answer)])
        assert drafts.sources[-1].provider == "rule-based"
        assert any("sejajar" in line for line in drafts.summary.kesimpulan) is tied


# -- the summary, drafted with the clusters, names their final labels ---------------------------------
def test_relabel_replaces_every_working_label_in_one_pass():
    working = {1: "Capaian menengah", 2: "Capaian menengah atas", 3: "Capaian rendah"}
    final = {1: "Capaian rendah", 2: "Capaian menengah atas", 3: "Tertinggal di semua indikator"}
    summary = SummaryDraft(ringkasan=["Klaster 1 (Capaian menengah), Klaster 2 (Capaian menengah atas), Klaster 3 (Capaian rendah)."],
                           kesimpulan=["Klaster 3 (Capaian rendah) dahulu."])
    done = relabel(summary, working, final)
    assert done.ringkasan == ["Klaster 1 (Capaian rendah), Klaster 2 (Capaian menengah atas), Klaster 3 (Tertinggal di semua indikator)."]
    assert done.kesimpulan == ["Klaster 3 (Tertinggal di semua indikator) dahulu."]
    assert relabel(summary, working, working) is summary


def test_the_models_summary_names_the_clusters_final_labels(tmp_path, default_facts):
    facts, rules = default_facts
    drafts = draft_with_chain(facts, rules, chain_settings(tmp_path), providers=[FakeProvider()])
    working = {d.klaster: d.label for d in draft_rule_based(facts, rules).clusters}
    text = " ".join(drafts.summary.ringkasan + drafts.summary.kesimpulan)
    assert drafts.sources[-1].provider == "watsonx"
    for draft in drafts.clusters:
        assert f"Klaster {draft.klaster} ({draft.label}" in text
        if working[draft.klaster] != draft.label:
            assert f"({working[draft.klaster]}" not in text
