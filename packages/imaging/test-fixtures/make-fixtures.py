"""Generates the small TIFF/PNG fixtures the imaging tests decode, with reference writers (tifffile, libtiff via
Pillow, libvips). Run once with Debian's python: /usr/bin/python3 make-fixtures.py (needs python3-tifffile,
python3-pil, libvips-tools). Every fixture is derived from one 75x61 crop of a BBBC039 image (rows 200:261,
columns 300:375) with the value transforms in transforms() below, which the tests mirror."""
import glob, json, os, subprocess
import numpy as np, tifffile
from PIL import Image

here = os.path.dirname(os.path.abspath(__file__))
src = sorted(glob.glob(os.path.join(here, '../../../../shared/data/nuclei-bbbc039/images/*.tif')))[0]
v = tifffile.imread(src)[200:261, 300:375].astype(np.int64)

def transforms():
    return {
        'uint8': (v >> 4).astype(np.uint8), 'int8': ((v >> 4) - 128).astype(np.int8),
        'uint16': v.astype(np.uint16), 'int16': (v - 2000).astype(np.int16),
        'uint32': (v * 100000).astype(np.uint32), 'int32': ((v - 2000) * 1000).astype(np.int32),
        'float32': (v / 7).astype(np.float32), 'float64': (v / 7).astype(np.float64),
    }

t = transforms()
rgb = np.stack([v >> 4, v >> 5, 255 - (v >> 4)], axis=-1).astype(np.uint8)
out = lambda name: os.path.join(here, name)
made = []
def w(name, data, **kw):
    tifffile.imwrite(out(name), data, **kw); made.append(name)

# byte orders, sample formats, strips/tiles, planar configurations, BigTIFF
for dt in ['uint8', 'int8', 'int16', 'uint32', 'int32', 'float32', 'float64']:
    w(f'be-{dt}.tif', t[dt], byteorder='>')
w('be-uint16-tiled-bigtiff.tif', t['uint16'], byteorder='>', tile=(32, 32), bigtiff=True)
w('le-uint16-zlib-tiled.tif', t['uint16'], tile=(32, 16), compression='zlib')
w('be-rgb-planar-tiled.tif', np.ascontiguousarray(rgb.transpose(2, 0, 1)), byteorder='>', photometric='rgb', planarconfig='separate', tile=(16, 32))
w('le-rgb-chunky.tif', rgb, photometric='rgb')
# ImageJ hyperstack: T=2, Z=3, C=2 of uint16 (plane k = v + 1000*k in TZC order)
stack = np.stack([t['uint16'] + 1000 * k for k in range(12)]).reshape(2, 3, 2, 61, 75).astype(np.uint16)
w('imagej-tzc.tif', stack, imagej=True, metadata={'axes': 'TZCYX', 'spacing': 0.5, 'unit': 'micron'}, resolution=(1 / 0.25, 1 / 0.25))
# OME-TIFF from tifffile: Z=2, C=3 (plane k = v + 1000*k in ZC order)
ome = np.stack([t['uint16'] + 1000 * k for k in range(6)]).reshape(2, 3, 61, 75).astype(np.uint16)
w('tifffile-zc.ome.tif', ome, metadata={'axes': 'ZCYX', 'PhysicalSizeX': 0.325, 'PhysicalSizeY': 0.325, 'PhysicalSizeZ': 2.0,
                                        'Channel': {'Name': ['DAPI', 'GFP', 'mCherry']}})
# plain multi-page (no metadata): three pages, read as Z
tifffile.imwrite(out('pages-3.tif'), t['uint16'], metadata=None)
for k in (1, 2):
    tifffile.imwrite(out('pages-3.tif'), (t['uint16'] + 1000 * k).astype(np.uint16), append=True, metadata=None)
made.append('pages-3.tif')

# libtiff (Pillow) compressions
Image.fromarray(t['uint16']).save(out('libtiff-lzw-uint16.tif'), compression='tiff_lzw'); made.append('libtiff-lzw-uint16.tif')
Image.fromarray(t['uint8']).save(out('libtiff-packbits-uint8.tif'), compression='packbits'); made.append('libtiff-packbits-uint8.tif')
Image.fromarray(rgb).save(out('libtiff-lzw-rgb.tif'), compression='tiff_lzw'); made.append('libtiff-lzw-rgb.tif')
# libvips: LZW and Deflate with the horizontal and floating-point predictors, tiled
def vips(name, arr, opts):
    raw = out('tmp.tif'); tifffile.imwrite(raw, arr)
    subprocess.run(['vips', 'copy', raw, out(name) + '[' + opts + ']'], check=True); os.remove(raw); made.append(name)
vips('vips-lzw-pred-uint16.tif', t['uint16'], 'compression=lzw,predictor=horizontal')
vips('vips-deflate-pred-tiled-uint16.tif', t['uint16'], 'compression=deflate,predictor=horizontal,tile,tile-width=32,tile-height=32')
vips('vips-lzw-floatpred-float32.tif', t['float32'], 'compression=lzw,predictor=float')
vips('vips-deflate-floatpred-float32.tif', t['float32'], 'compression=deflate,predictor=float,tile,tile-width=16,tile-height=16')
# PNG variants
Image.fromarray(t['uint8']).save(out('grey8.png')); made.append('grey8.png')
Image.fromarray(t['uint16']).save(out('grey16.png')); made.append('grey16.png')
Image.fromarray(np.stack([t['uint8'], 255 - t['uint8']], -1), 'LA').save(out('grey-alpha8.png')); made.append('grey-alpha8.png')
Image.fromarray(rgb).save(out('rgb8.png')); made.append('rgb8.png')
Image.fromarray(rgb).quantize(16).save(out('palette.png')); made.append('palette.png')
raw16 = out('tmp.tif'); tifffile.imwrite(raw16, np.stack([t['uint16'], t['uint16'] // 2, 4095 - t['uint16']], -1), photometric='rgb')
subprocess.run(['vips', 'copy', raw16, out('rgb16.png')], check=True); os.remove(raw16); made.append('rgb16.png')
# palette PNG reference values, as Pillow decodes them
json.dump({'palette': np.asarray(Image.open(out('palette.png')).convert('RGB')).reshape(-1).tolist()[:30]}, open(out('palette-expected.json'), 'w'))
print('\n'.join(made))
