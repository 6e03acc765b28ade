import type { DType, ImageStack } from '../types';
import { hexToOmeColor } from './ome-xml';

const OME_TYPE: Record<DType, string> = {
  uint8: 'uint8', uint16: 'uint16', uint32: 'uint32', int8: 'int8', int16: 'int16', int32: 'int32', float32: 'float', float64: 'double',
};

const escapeXml = (s: string) => s.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": 'apos' }[c]};`);

/** OME-XML for a single-file OME-TIFF whose pages are single-channel planes in XYCZT order, starting at IFD 0. */
export function buildOmeXml(stack: Omit<ImageStack, 'planes'>, name = 'image'): string {
  const { width, height, sizeC, sizeZ, sizeT, dtype } = stack;
  const phys = (['X', 'Y', 'Z'] as const)
    .map((axis) => {
      const v = stack[`physicalSize${axis}`];
      return v === undefined ? '' : ` PhysicalSize${axis}="${v}" PhysicalSize${axis}Unit="µm"`;
    })
    .join('');
  const channels = Array.from({ length: sizeC }, (_, c) => {
    const label = stack.channelNames?.[c];
    const color = stack.channelColors?.[c];
    return (
      `<Channel ID="Channel:0:${c}" SamplesPerPixel="1"` +
      (label !== undefined ? ` Name="${escapeXml(label)}"` : '') +
      (color !== undefined ? ` Color="${hexToOmeColor(color)}"` : '') +
      '/>'
    );
  }).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://www.openmicroscopy.org/Schemas/OME/2016-06 http://www.openmicroscopy.org/Schemas/OME/2016-06/ome.xsd" Creator="Tessera">' +
    `<Image ID="Image:0" Name="${escapeXml(name)}">` +
    `<Pixels ID="Pixels:0" DimensionOrder="XYCZT" Type="${OME_TYPE[dtype]}" SizeX="${width}" SizeY="${height}" ` +
    `SizeC="${sizeC}" SizeZ="${sizeZ}" SizeT="${sizeT}" BigEndian="false" Interleaved="false"${phys}>` +
    channels +
    `<TiffData IFD="0" PlaneCount="${sizeC * sizeZ * sizeT}"/>` +
    '</Pixels></Image></OME>'
  );
}
