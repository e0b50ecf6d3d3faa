"""A deterministic stand-in for a Granite model, and the wire formats of the real APIs.

It reads the `<data>` block of a cluster or summary prompt and answers with a valid draft whose
every number is a fact's own text. It serves the benchmark's local Ollama-format server
(benchmarks/llm_standin_server.py) and the hand-written replies of the recorded-response tests
(cassettes/README.md), and lets a prompt author try the chain offline. It is not a model: it ignores
the prose of the prompt.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone

_DATA = re.compile(r"<data>\s*(.*?)\s*</data>", re.DOTALL)
ORDINALS = ["pertama", "kedua", "ketiga", "keempat", "kelima", "keenam", "ketujuh", "kedelapan", "kesembilan", "kesepuluh"]
TIER_LABELS = ["Pembangunan manusia paling maju", "Pembangunan manusia menengah atas", "Pembangunan manusia menengah bawah",
               "Pembangunan manusia paling tertinggal"]


def data_blocks(messages: list[dict]) -> list:
    blocks = []
    for message in messages:
        if message["role"] == "user":
            blocks.extend(json.loads(m.group(1)) for m in _DATA.finditer(message["content"]))
    return blocks


def answer(messages: list[dict]) -> str:
    """The draft JSON for the first data block of the conversation (repairs get the same answer)."""
    data = data_blocks(messages)[0]
    if isinstance(data.get("klaster"), int):
        return json.dumps(cluster_reply(data), ensure_ascii=False)
    return json.dumps(summary_reply(data), ensure_ascii=False)


def _label(rank: int, k: int) -> str:
    if rank == 1:
        return TIER_LABELS[0]
    if rank == k:
        return TIER_LABELS[-1]
    return TIER_LABELS[1] if rank <= (k + 1) / 2 else TIER_LABELS[2]


def cluster_reply(data: dict) -> dict:
    """Cites every number by its fact ID ({K2.UHH.mean}), as the contract asks; never types one."""
    n = data["klaster"]
    facts = data["fakta"]
    phrase = data["pembanding"]
    k = len(data["label_klaster_lain"]) + 1
    sentences = [f"Klaster ini beranggotakan {{K{n}.size}}."]
    for indicator in data["indikator"]:
        name, label = indicator["kode"], indicator["label"]
        base = f"K{n}.{name}"
        if facts[f"{base}.direction"] == "setara":
            sentences.append(f"{label} rata-rata {{{base}.mean}}, setara dengan {phrase} ({{REF.{name}}}).")
        else:
            sentences.append(f"{label} rata-rata {{{base}.mean}}, {{{base}.diff_pct}} {{{base}.direction}} {phrase} ({{REF.{name}}}).")
    # One recommendation per item of the plan, with its sector and facts (the planner line is the drafter's).
    recommendations = []
    for item in data.get("rencana", []):
        code = item.get("indikator") or next((f.split(".")[1] for f in item.get("fakta", []) if f.endswith(".mean")), None)
        label = next((i["label"] for i in data["indikator"] if i["kode"] == code), None)
        evidence = f", dengan {label} rata-rata {{K{n}.{code}.mean}}" if label else ""
        recommendations.append({"sektor": item["sektor"], "teks": f"Perkuat program {item['sektor']} di klaster ini{evidence}.",
                                "fakta": [f"K{n}.{code}.mean", f"REF.{code}"] if label else item.get("fakta", [])})
    if not recommendations:
        recommendations.append(
            {"sektor": "UMKM", "teks": "Dorong UMKM dan ekonomi lokal agar capaian yang sudah baik terus meningkat.", "fakta": [f"K{n}.size"]}
        )
    return {"klaster": n, "label": _label(int(facts[f"K{n}.composite_rank"]), k), "karakteristik": sentences,
            "rekomendasi": recommendations[:4]}


def summary_reply(data: dict) -> dict:
    clusters = data["klaster"]
    ringkasan = [f"Analisis ini mengelompokkan {{DATA.n_units}} ke dalam {{RUN.k}} klaster; pembandingnya adalah {data['pembanding']}."]
    for c in clusters:
        parts = []
        if c["unggul"]:
            parts.append("unggul pada " + ", ".join(c["unggul"]))
        if c["tertinggal"]:
            parts.append("tertinggal pada " + ", ".join(c["tertinggal"]))
        ringkasan.append(f"Klaster {c['klaster']} ({c['label']}; {{K{c['klaster']}.size}}) {'; '.join(parts) or 'setara pada semua indikator'}.")
    # The priorities as decided ("prioritas"; tied clusters share one), in words: never re-ranked, no digit typed.
    ordered = sorted(clusters, key=lambda c: (c.get("prioritas", 0), c["klaster"]))
    kesimpulan = []
    for c in ordered:
        position = ORDINALS[c["prioritas"] - 1] if 0 < c.get("prioritas", 0) <= len(ORDINALS) else "berikutnya"
        note = " (sementara)" if c.get("sementara") else ""
        kesimpulan.append(f"Prioritas {position}{note}: Klaster {c['klaster']} ({c['label']}), dengan fokus {', '.join(c['sektor'])}.")
    # A tie in a sentence of its own: a sentence naming two clusters binds what follows to the first one.
    ties = sorted({tuple(sorted([c["klaster"], *c["sejajar_dengan"]])) for c in clusters if c.get("sejajar_dengan")})
    kesimpulan += [f"{' dan '.join(f'Klaster {n}' for n in tie)} berbagi prioritas yang sama." for tie in ties]
    caveat = "Keputusan untuk satu wilayah tetap perlu melihat angka wilayah itu sendiri."
    return {"ringkasan": _at_most(ringkasan, 5), "kesimpulan": [*_at_most(kesimpulan, 5), caveat]}


def _at_most(sentences: list[str], limit: int) -> list[str]:
    """As the prompt asks (2 to 5 paragraphs or sentences): for a large k, several clusters per paragraph."""
    if len(sentences) <= limit:
        return sentences
    per = -(-len(sentences) // limit)
    return [" ".join(sentences[i : i + per]) for i in range(0, len(sentences), per)]


def _tokens(text: str) -> int:
    return max(1, len(text) // 4)


def ollama_chat_lines(model: str, text: str, messages: list[dict]) -> list[dict]:
    """The NDJSON objects Ollama streams for POST /api/chat: content chunks, then `done: true`."""
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    chunks = [text[i : i + 400] for i in range(0, len(text), 400)] or [""]
    lines = [{"model": model, "created_at": now, "message": {"role": "assistant", "content": c}, "done": False} for c in chunks]
    prompt = sum(_tokens(m["content"]) for m in messages)
    lines.append(
        {
            "model": model, "created_at": now, "message": {"role": "assistant", "content": ""}, "done": True, "done_reason": "stop",
            "total_duration": 1_000_000_000, "load_duration": 1_000_000, "prompt_eval_count": prompt, "prompt_eval_duration": 1,
            "eval_count": _tokens(text), "eval_duration": 1,
        }
    )
    return lines


def ollama_tags(models: list[str]) -> dict:
    return {"models": [{"name": m, "model": m, "size": 4_900_000_000, "details": {"family": "granite"}} for m in models]}


def watsonx_chat_response(model: str, text: str, messages: list[dict]) -> dict:
    """The JSON body of POST /ml/v1/text/chat as watsonx.ai returns it."""
    prompt = sum(_tokens(m["content"]) for m in messages)
    completion = _tokens(text)
    return {
        "id": "chatcmpl-standin",
        "object": "chat.completion",
        "model_id": model,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "created": 1795000000,
        "model_version": "3.3.0",
        "created_at": "2026-11-23T18:00:00.000Z",
        "usage": {"completion_tokens": completion, "prompt_tokens": prompt, "total_tokens": prompt + completion},
    }
