"""A short tour of Python constructs that Gloss explains. Try hovering them."""
from dataclasses import dataclass


@dataclass
class Reading:
    sensor: str
    value: float


def evens_squared(limit):
    return [n * n for n in range(limit) if n % 2 == 0]


def totals(readings):
    by_sensor = {r.sensor: r.value for r in readings}
    if (count := len(by_sensor)) > 3:
        print(f"{count} sensors")
    return sorted(by_sensor.items(), key=lambda item: item[1])
