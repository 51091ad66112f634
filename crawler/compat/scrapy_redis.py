"""scrapy-redis's priority queue, read and written below its public methods.

The leased frontier (crawler.integration.frontier) pops and leases a request in one Lua
call, so it must know how scrapy-redis 0.9 lays the queue out: one sorted set at
`queue.key`, each member a request encoded by the queue's serializer, scored by
`-request.priority` (the lowest score pops first). It also decodes and re-pushes encoded
requests itself. No stock behaviour can replace the lease, so outside the checked range
this only warns (crawler.compat.versions) and goes on.
"""

from __future__ import annotations

from crawler.compat.versions import supported

# The priority queue's first request, removed and leased atomically; the lease is keyed by
# the SHA-1 of the encoded request (what Lua can compute), and holds it for a requeue.
_POP_AND_LEASE = """
local first = redis.call('ZRANGE', KEYS[1], 0, 0)
if #first == 0 then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
local key = redis.sha1hex(first[1])
redis.call('HSET', KEYS[2], key, ARGV[1])
redis.call('HSET', KEYS[3], key, first[1])
return {key, first[1]}
"""


def check_version() -> bool:
    return supported("scrapy-redis", "0.9.0", "0.10")


def pop_and_lease(queue, leases: str, lease_data: str, owner: str) -> tuple | None:
    """(lease key, encoded request) of the queue's first request, leased to `owner`."""
    keys = (queue.key, leases, lease_data)
    return queue.server.eval(_POP_AND_LEASE, len(keys), *keys, owner) or None


def decode_request(queue, data: bytes):
    return queue._decode_request(data)


def push_encoded(queue, data: bytes, score: float) -> None:
    """Put an encoded request back with the score scrapy-redis would give it."""
    queue.server.execute_command("ZADD", queue.key, score, data)
