"""nDCG@k over judged queries, computed in Python (no _rank_eval on the test distribution)."""

from math import log2


def dcg(grades):
    return sum((2**grade - 1) / log2(position + 2) for position, grade in enumerate(grades))


def ndcg_at_k(result_urls, judged: dict[str, int], k: int = 10) -> float:
    gains = [judged.get(url, 0) for url in result_urls[:k]]
    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    return dcg(gains) / ideal if ideal else 0.0


def evaluate(search, judgements, k: int = 10) -> dict[str, float]:
    """``search(q) -> [url, ...]``; returns nDCG@k per query."""
    return {q: ndcg_at_k(search(q), judged, k) for q, judged in judgements.items()}
