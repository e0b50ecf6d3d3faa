"""interpret.analysis_text: the analyses' paragraphs, decided in no language."""


def test_the_spec_k_reason_is_checked_against_the_panel():
    from interpret.analysis_text import k_reason_disagreements
    from interpret.language import load_language

    lang = load_language("id")
    votes = {"wss": 5, "silhouette": 3, "gap": 3, "dbi": 4}
    # The reason names the elbow and the silhouette: both chose another k than the 4 used.
    assert k_reason_disagreements("metode elbow dan silhouette", votes, 4, lang) == [("wss", 5), ("silhouette", 3)]
    assert k_reason_disagreements("Davies-Bouldin terkecil", votes, 4, lang) == []  # DBI did choose 4
    assert k_reason_disagreements("kebutuhan program", votes, 4, lang) == []  # names no criterion
    assert k_reason_disagreements(None, votes, 4, lang) == []
