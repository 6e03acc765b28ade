# Reference for bench/instances-bench.ts: skimage's distance-transform watershed on the same foreground masks.
# Reads .bench/instances/manifest.json + <i>.u8 masks, writes <i>.ws.i32 labels and prints per-image seconds as JSON.
import json, sys, time
import numpy as np
from scipy import ndimage as ndi
from skimage.feature import peak_local_max
from skimage.segmentation import watershed
from skimage.measure import label
from skimage.morphology import h_maxima

root = sys.argv[1]
man = json.load(open(f"{root}/manifest.json"))
times = []
times_h = []
for i, item in enumerate(man):
    mask = np.fromfile(f"{root}/{i}.u8", dtype=np.uint8).reshape(item["height"], item["width"]).astype(bool)
    t0 = time.perf_counter()
    filled = ndi.binary_fill_holes(mask)
    dist = ndi.distance_transform_edt(filled)
    coords = peak_local_max(dist, min_distance=5, labels=label(filled))
    markers = np.zeros(dist.shape, dtype=np.int32)
    markers[tuple(coords.T)] = np.arange(1, len(coords) + 1)
    labels = watershed(-dist, markers, mask=filled)
    times.append(time.perf_counter() - t0)
    labels.astype(np.int32).tofile(f"{root}/{i}.ws.i32")
    # like-for-like with ours: h-maxima (h = 1 px) markers
    t0 = time.perf_counter()
    filled = ndi.binary_fill_holes(mask)
    dist = ndi.distance_transform_edt(filled)
    markers, _ = ndi.label(h_maxima(dist, 1), structure=np.ones((3, 3)))
    labels = watershed(-dist, markers, mask=filled)
    times_h.append(time.perf_counter() - t0)
    labels.astype(np.int32).tofile(f"{root}/{i}.hm.i32")
print(json.dumps({"times": times, "timesH": times_h}))
