"""Build ``indicators/app/data/provinces.geojson``, the province boundaries the compare view draws.

    npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz package/map/json/china.json package/LICENSE
    python3 scripts/build_province_map.py package/map/json/china.json

Source: the Apache ECharts npm package, version 4.9.0 (the last release that ships map data),
``map/json/china.json``, Apache License 2.0. Its 34 provincial divisions are keyed by their 6-digit
division code and their coordinates are stored in ECharts' compact encoding (zig-zag deltas, one
character per number, scale 1024). This script decodes them, simplifies every ring
(Douglas-Peucker, tolerance ``--tolerance`` degrees), drops islands smaller than ``--min-area``
square degrees (a province keeps at least its largest part) and writes plain GeoJSON with
coordinates rounded to 0.01°: a small file that ships with the package, so nothing is downloaded
when the dashboard runs.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "indicators" / "app" / "data" / "provinces.geojson"
SOURCE = "Apache ECharts 4.9.0 (npm package echarts), map/json/china.json, Apache License 2.0"


def decode_ring(encoded: str, offset: list[int], scale: float) -> list[tuple[float, float]]:
    """ECharts' encoding: pairs of characters, each a zig-zag delta from the previous point."""
    points = []
    x, y = offset
    for i in range(0, len(encoded), 2):
        dx, dy = ord(encoded[i]) - 64, ord(encoded[i + 1]) - 64
        x += (dx >> 1) ^ -(dx & 1)
        y += (dy >> 1) ^ -(dy & 1)
        points.append((x / scale, y / scale))
    return points


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker: the points that keep the line within ``tolerance`` of the original."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, worst_at = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if norm == 0:
                d = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            else:
                d = abs(dy * px - dx * py + x2 * y1 - y2 * x1) / norm
            if d > worst:
                worst, worst_at = d, i
        if worst > tolerance:
            keep[worst_at] = True
            stack += [(first, worst_at), (worst_at, last)]
    return [p for p, k in zip(points, keep, strict=True) if k]


def simplify_small(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """``simplify``, with a finer tolerance for a ring it would flatten (Macau is smaller than 0.08°):
    every ring keeps at least four distinct corners after rounding to 0.01°."""
    while True:
        ring = simplify(points, tolerance)
        if len({(round(x, 2), round(y, 2)) for x, y in ring}) >= 4 or tolerance < 1e-4:
            return ring
        tolerance /= 2


def area(ring: list[tuple[float, float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def build(source: dict, tolerance: float, min_area: float) -> dict:
    scale = source.get("UTF8Scale", 1024)
    features = []
    for feature in source["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        offsets = geometry["encodeOffsets"] if geometry["type"] == "MultiPolygon" else [geometry["encodeOffsets"]]
        parts = []
        for polygon, polygon_offsets in zip(polygons, offsets, strict=True):
            outer = decode_ring(polygon[0], polygon_offsets[0], scale)   # holes are dropped: none matter at this scale
            parts.append(simplify_small(outer, tolerance))
        parts.sort(key=area, reverse=True)
        parts = [parts[0], *(p for p in parts[1:] if area(p) >= min_area and len(p) >= 4)]
        rings = [[[round(x, 2), round(y, 2)] for x, y in part] for part in parts]
        for ring in rings:
            if ring[0] != ring[-1]:
                ring.append(ring[0])
        properties = feature["properties"]
        features.append({
            "type": "Feature",
            "id": str(feature["id"]),
            "properties": {"name": properties["name"], "centre": properties["cp"]},
            "geometry": {"type": "MultiPolygon", "coordinates": [[ring] for ring in rings]},
        })
    features.sort(key=lambda f: f["id"])
    return {"type": "FeatureCollection", "source": SOURCE, "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("china_json", type=Path, help="map/json/china.json of the echarts 4.9.0 npm package")
    parser.add_argument("--tolerance", type=float, default=0.08)
    parser.add_argument("--min-area", type=float, default=0.05)
    args = parser.parse_args()
    result = build(json.loads(args.china_json.read_text("utf-8")), args.tolerance, args.min_area)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n", "utf-8")
    points = sum(len(r[0]) for f in result["features"] for r in f["geometry"]["coordinates"])
    print(f"{OUT}: {len(result['features'])} provinces, {points} points, {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main()
