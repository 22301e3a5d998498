"""nDCG@k, MRR and recall@k over judged queries, computed in Python (no _rank_eval on the test distribution)."""

from dataclasses import dataclass
from math import log2


def dcg(grades):
    return sum((2**grade - 1) / log2(position + 2) for position, grade in enumerate(grades))


def ndcg_at_k(result_urls, judged: dict[str, int], k: int = 10) -> float:
    gains = [judged.get(url, 0) for url in result_urls[:k]]
    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    return dcg(gains) / ideal if ideal else 0.0


def reciprocal_rank(result_urls, judged: dict[str, int]) -> float:
    return next((1 / (n + 1) for n, url in enumerate(result_urls) if judged.get(url, 0) > 0), 0.0)


def recall_at_k(result_urls, judged: dict[str, int], k: int = 10) -> float:
    relevant = {url for url, grade in judged.items() if grade > 0}
    return len(relevant & set(result_urls[:k])) / len(relevant) if relevant else 0.0


@dataclass
class Report:
    ndcg: dict[str, float]
    mrr: float
    recall: float
    empty: list[str]

    @property
    def mean_ndcg(self) -> float:
        return sum(self.ndcg.values()) / len(self.ndcg)

    def line(self, engine: str) -> str:
        return (
            f"{engine}: nDCG@10 {self.mean_ndcg:.3f}, MRR {self.mrr:.3f}, recall@10 {self.recall:.3f} "
            f"over {len(self.ndcg)} judged queries; {len(self.empty)} without results"
        )


def evaluate(search, judgements, k: int = 10) -> Report:
    """``search(q) -> [url, ...]``."""
    results = {q: search(q) for q in judgements}
    return Report(
        ndcg={q: ndcg_at_k(results[q], judged, k) for q, judged in judgements.items()},
        mrr=sum(reciprocal_rank(results[q], j) for q, j in judgements.items()) / len(judgements),
        recall=sum(recall_at_k(results[q], j, k) for q, j in judgements.items()) / len(judgements),
        empty=[q for q in judgements if not results[q]],
    )
