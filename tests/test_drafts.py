import pytest
from pydantic import ValidationError

from interpret.drafts import ClusterDraft, Drafts, Rekomendasi, SectionSource, SummaryDraft, check_contract


def _drafts(sektor="UMKM", fakta=("K1.size",), labels=("A", "B")):
    clusters = [
        ClusterDraft(klaster=i + 1, label=label, karakteristik=["x"], rekomendasi=[Rekomendasi(sektor=sektor, teks="t", fakta=list(fakta))])
        for i, label in enumerate(labels)
    ]
    return Drafts(clusters, SummaryDraft(ringkasan=["r"], kesimpulan=["k"]), [SectionSource("klaster-1", "x", "y")])


def test_a_valid_draft_passes():
    assert check_contract(_drafts(), sectors=["UMKM"], fact_ids={"K1.size"}, k=2) == []


def test_contract_problems_are_named():
    problems = check_contract(_drafts(sektor="pariwisata", fakta=("K9.x",), labels=("A", "a")), sectors=["UMKM"], fact_ids={"K1.size"}, k=3)
    text = " | ".join(problems)
    assert "expected 1..3" in text and "not distinct" in text and "unknown sector 'pariwisata'" in text and "K9.x" in text


def test_schema_rejects_missing_fields():
    with pytest.raises(ValidationError):
        ClusterDraft.model_validate({"klaster": 1, "label": "x", "karakteristik": []})
    with pytest.raises(ValidationError):
        Rekomendasi.model_validate({"sektor": "UMKM", "teks": "t", "extra": 1})
