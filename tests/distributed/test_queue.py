"""The reliable queue and the Redis crawl state against a real Redis (no crawl)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from scrapy import Request
from scrapy.settings import Settings

from citynews_scraper.distributed import run as shared_run
from citynews_scraper.distributed.config import worker_settings
from citynews_scraper.distributed.keys import SiteKeys
from citynews_scraper.distributed.queue import TOKEN_META, ReliableQueue
from citynews_scraper.distributed.state import RedisStateStore
from citynews_scraper.output.state import DELETED, FAILED, FINISHED
from citynews_scraper.profile import SiteProfile
from citynews_scraper.spiders.portal import PortalSpider


class _Crawler:
    def __init__(self, values: dict[str, Any]) -> None:
        self.settings = Settings(values)


def queue_for(server: Any, site: str, worker: str) -> ReliableQueue:
    spider = PortalSpider(SiteProfile(name=site, start_urls=["http://x.test/"]))
    spider.crawler = _Crawler(worker_settings("redis://unused", site, worker, 1, 1))
    return ReliableQueue(server, spider, SiteKeys(site).requests)


def request(spider_queue: ReliableQueue, n: int, priority: int = 0) -> Request:
    spider = spider_queue.spider
    return Request(
        f"http://x.test/portal.php?mod=view&aid={n}",
        callback=spider.parse_article,
        errback=spider.article_failed,
        priority=priority,
        meta={"cn_role": "article", "cn_pages": []},
    )


def test_a_pop_parks_the_request_until_it_is_acknowledged(server: Any, site: str) -> None:
    queue = queue_for(server, site, "w1")
    queue.push(request(queue, 1))
    queue.push(request(queue, 2, priority=30))
    first = queue.pop()
    assert first is not None and first.url.endswith("aid=2"), "higher priority first"
    assert first.callback.__name__ == "parse_article" and first.meta["cn_pages"] == []
    assert len(queue) == 1 and queue.held() == 1
    queue.ack(first.meta[TOKEN_META])
    assert queue.held() == 0


def test_a_dead_workers_requests_go_back_to_the_queue(server: Any, site: str) -> None:
    keys = SiteKeys(site)
    dead, alive = queue_for(server, site, "dead"), queue_for(server, site, "alive")
    for n in (1, 2):
        dead.push(request(dead, n, priority=20))
    assert dead.pop() is not None and dead.pop() is not None and len(dead) == 0
    server.sadd(keys.workers, "dead", "alive")
    server.set(keys.heartbeat("dead"), "x", px=60_000)
    assert alive.recover() == {}, "a live worker keeps its requests"
    server.delete(keys.heartbeat("dead"))
    assert alive.recover() == {"dead": 2}
    assert len(alive) == 2 and dead.held() == 0
    assert not server.sismember(keys.workers, "dead")
    back = alive.pop()
    assert back is not None and back.priority == 20, "the priority survives the round trip"


def test_drained_waits_for_requests_held_by_any_worker(server: Any, site: str) -> None:
    keys = SiteKeys(site)
    queue = queue_for(server, site, "w1")
    server.sadd(keys.workers, "w1")
    assert shared_run.drained(server, keys)
    queue.push(request(queue, 1))
    assert not shared_run.drained(server, keys)
    taken = queue.pop()
    assert not shared_run.drained(server, keys), "taken but not finished"
    queue.ack(taken.meta[TOKEN_META])
    assert shared_run.drained(server, keys)


def test_a_new_run_empties_the_dupefilter_a_running_one_is_joined(server: Any, site: str) -> None:
    keys = SiteKeys(site)
    first = shared_run.begin(server, keys)
    server.sadd(keys.dupefilter, "fp")
    joined = shared_run.begin(server, keys)
    assert (first.new, joined.new, joined.id) == (True, False, first.id)
    assert server.exists(keys.dupefilter)
    assert shared_run.end(server, keys)
    second = shared_run.begin(server, keys)
    assert second.new and second.id == first.id + 1 and not server.exists(keys.dupefilter)


def test_redis_state_store_keeps_issue_5s_rules(server: Any, site: str) -> None:
    store = RedisStateStore(server, SiteKeys(site))
    now = datetime(2026, 3, 1, tzinfo=UTC)
    run = store.begin_run("out-w1.jsonl", "incremental", now)
    store.record_many([("aid:1", "u1", "h1", "2026-02-28T10:00:00+08:00"), ("aid:2", "u2", "h2", None)], now)
    store.record_status("aid:2", "u2", FAILED, now)
    store.record_status("aid:3", "u3", DELETED, now)
    store.record_status("aid:4", "u4", FAILED, now)
    assert store.article("aid:2").status == "live", "a live article is never downgraded to failed"
    assert store.done_keys() == {"aid:1", "aid:2"}
    assert store.known_keys() == {"aid:3", "aid:4"}
    assert [a.key for a in store.articles_with_status(FAILED)] == ["aid:4"]
    assert [a.key for a in store.published_since(now - timedelta(days=2))] == ["aid:1"]
    assert store.article("aid:1").published_at == "2026-02-28T02:00:00Z"
    store.record_channel("http://x.test/list", "aid:1", "u1", "2026-2-28", now)
    assert store.channels()["http://x.test/list"]["newest_key"] == "aid:1"
    assert store.counts() == {"live": 2, "deleted": 1, "failed": 1}
    server.zadd(SiteKeys(site).requests, {"pending": 0})
    store.finish_run(run, FINISHED, 2, now)
    assert store.last_run_status() == "partial" and store.done_keys() == {"aid:1", "aid:2"}, (
        "a worker leaving while work is queued confirms nothing"
    )
    server.delete(SiteKeys(site).requests)
    store.finish_run(run, FINISHED, 0, now)
    assert store.last_run_status() == FINISHED
    assert store.done_keys() == set() and store.known_keys() == {"aid:1", "aid:2", "aid:3", "aid:4"}


def test_a_worker_gives_back_what_it_holds(server: Any, site: str) -> None:
    queue = queue_for(server, site, "w1")
    for n in (1, 2, 3):
        queue.push(request(queue, n))
    taken = [queue.pop(), queue.pop()]
    assert all(taken) and len(queue) == 1
    assert queue.give_back() == 2
    assert len(queue) == 3 and queue.held() == 0
