"""Output layer: JSONL writer, run paths, run manifest (and, later, crawl state)."""

from citynews_scraper.output.jsonl import JsonlWriter
from citynews_scraper.output.manifest import Loss, Manifest, RunPaths, run_paths

__all__ = ["JsonlWriter", "Loss", "Manifest", "RunPaths", "run_paths"]
