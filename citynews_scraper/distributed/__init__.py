"""Distributed crawling on Redis: any number of worker processes share one crawl of a site.

Built on scrapy-redis (the Scrapy ecosystem's shared scheduler and dupefilter); see
docs/distributed.md.  Nothing here is imported unless ``--redis`` (or ``CITYNEWS_REDIS_URL``,
or the profile's ``redis``) asks for it, so single-machine runs need neither Redis nor
scrapy-redis.

- `keys`: the Redis keys of a site (queue, dupefilter, per-worker processing lists, heartbeats,
  run, profile, crawl state);
- `config`: the switch (Redis URL, worker id, Scrapy settings of a worker);
- `queue`: the reliable priority queue (a popped request waits in its worker's processing
  hash until it is acknowledged; a dead worker's requests go back to the queue);
- `scheduler`: scrapy-redis's scheduler with acknowledgements, heartbeat and recovery;
- `idle`: the worker's idle exit and queue polling;
- `run`: one crawl run of a site across workers (begin, join, end);
- `state`: the crawl state (issue 5's `StateStore`) in Redis; `harvest` wires it in;
- `sites`: site profiles published in Redis, so workers need no flags but ``--redis``;
- `spider`: the worker's spider (the portal spider, fed from the shared queue);
- `worker`, `enqueue`: what ``citynews crawl --redis`` and ``citynews enqueue`` run.
"""
