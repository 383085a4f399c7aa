"""The Python reference design as a herald-bench compare contender.

confluent-kafka's Producer with msgspec Struct encoding, keyed by order_id, poll(0) after every
produce() and an on_delivery callback per message, as in the reference design; the same JSON
payloads, CloudEvents headers and librdkafka settings as the other contenders. Usage:

    python reference-producer.py WORKLOAD.json

Prints one JSON line (the contender outcome) on stdout.
"""

from __future__ import annotations

import json
import resource
import sys
import time
import uuid
from datetime import datetime, timezone

import msgspec
from confluent_kafka import Producer


class LineItemEventMessage(msgspec.Struct, frozen=True):
    line_item_id: str
    product_id: str
    product_title: str
    quantity: int
    # int | float keeps "12" as 12 (not 12.0): the same bytes as JSON.stringify.
    price: int | float


class OrderEventMessage(msgspec.Struct, frozen=True):
    order_id: str
    created_at: str
    customer_name: str
    line_items: list[LineItemEventMessage]
    total_price: int | float


SOURCE = b"/herald/bench"
TYPE = b"com.herald.order.created.v1"
SCHEMA = b"urn:herald:schema:order-event:v1"


def headers() -> list[tuple[str, bytes | str]]:
    return [
        ("ce_specversion", b"1.0"),
        ("ce_id", str(uuid.uuid4())),
        ("ce_source", SOURCE),
        ("ce_type", TYPE),
        ("ce_time", datetime.now(timezone.utc).isoformat()),
        ("content-type", b"application/json"),
        ("ce_dataschema", SCHEMA),
    ]


class Phase:
    """Counts delivery reports and latencies of one phase."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.acked = 0
        self.failed = 0
        self.errors: dict[str, int] = {}
        self.latencies: list[float] = []

    @property
    def settled(self) -> int:
        return self.acked + self.failed

    def on_delivery(self, err, msg) -> None:
        if err is not None:
            self.failed += 1
            name = err.name()
            self.errors[name] = self.errors.get(name, 0) + 1
        else:
            self.acked += 1
            self.latencies.append(msg.latency())


def run_phase(producer: Producer, topic: str, orders: list[OrderEventMessage], total: int, window: int) -> tuple[Phase, float, float]:
    encoder = msgspec.json.Encoder()
    phase = Phase(total)
    n = len(orders)
    started = time.perf_counter()
    cpu = time.process_time()
    for i in range(total):
        while i - phase.settled >= window:
            producer.poll(0.001)
        event = orders[i % n]
        payload = encoder.encode(event)
        while True:
            try:
                producer.produce(topic, value=payload, key=event.order_id.encode("utf-8"), headers=headers(), on_delivery=phase.on_delivery)
                break
            except BufferError:
                producer.poll(0.01)
        producer.poll(0)
    while phase.settled < total:
        producer.poll(0.01)
    return phase, time.perf_counter() - started, time.process_time() - cpu


def percentile(sorted_values: list[float], q: float) -> float:
    rank = min(len(sorted_values) - 1, max(0, int(-(-q * len(sorted_values) // 1)) - 1))
    return sorted_values[rank]


def main() -> dict:
    with open(sys.argv[1], encoding="utf-8") as f:
        workload = json.load(f)
    with open(workload["ordersFile"], "rb") as f:
        orders = [msgspec.json.decode(line, type=OrderEventMessage) for line in f if line.strip()]
    config = {k: v for k, v in workload["rdkafka"].items()}
    config["bootstrap.servers"] = workload["bootstrap"]
    producer = Producer(config)
    topic = workload["topic"]
    window = int(workload["window"])
    if workload["warmup"] > 0:
        run_phase(producer, topic, orders, int(workload["warmup"]), window)
    phase, seconds, cpu = run_phase(producer, topic, orders, int(workload["messages"]), window)
    producer.flush(10)
    payload = sum(len(msgspec.json.encode(o)) for o in orders) / len(orders)
    lat = sorted(x * 1000 for x in phase.latencies)
    messages = phase.settled
    s = workload["settings"]
    return {
        "status": "ok",
        "measurement": {
            "messages": messages,
            "acked": phase.acked,
            "seconds": seconds,
            "msgsPerSec": messages / seconds,
            "mibPerSec": phase.acked * payload / seconds / (1024 * 1024),
            "cpuUsPerMsg": cpu * 1e6 / messages,
            "peakRssMiB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "latencyMs": None
            if not lat
            else {
                "count": len(lat),
                "p50": percentile(lat, 0.5),
                "p95": percentile(lat, 0.95),
                "p99": percentile(lat, 0.99),
                "p999": percentile(lat, 0.999),
                "max": lat[-1],
            },
            "errors": phase.errors,
        },
        "ranWith": {
            "acks": str(s["acks"]),
            "idempotence": s["idempotence"],
            "compression": s["compression"],
            "linger": f"{s['lingerMs']} ms",
            "maxInFlightRequests": str(config.get("max.in.flight.requests.per.connection", 5)),
            "batching": "librdkafka (linger)",
            "perMessage": "msgspec Struct encode, 7 CloudEvents headers, key, on_delivery callback, poll(0) (no validation on encode)",
        },
        "unmatched": [],
    }


if __name__ == "__main__":
    try:
        outcome = main()
    except Exception as error:  # noqa: BLE001 - reported to the parent, never a crash of the run
        outcome = {"status": "failed", "reason": f"{type(error).__name__}: {error}"}
    print(json.dumps(outcome))
