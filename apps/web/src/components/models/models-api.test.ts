import { describe, expect, it } from 'vitest';
import { formatMoney, orderPaths } from '../orders/orders-api';
import { formatBytes, formatNumber, modelPaths } from './models-api';

describe('model and order client helpers', () => {
  it('encodes ids and query values in API paths', () => {
    expect(modelPaths.packageDownload('o/1', 'm 2', 'v?3', 'p#4')).toBe('/api/v1/orgs/o%2F1/models/m%202/versions/v%3F3/packages/p%234/downloads');
    expect(modelPaths.imports('o1', 'p1', 'a b.czann', 'My model')).toBe('/api/v1/orgs/o1/projects/p1/model-imports?fileName=a+b.czann&modelName=My+model');
    expect(modelPaths.imports('o1', 'p1', 'x.czseg')).toBe('/api/v1/orgs/o1/projects/p1/model-imports?fileName=x.czseg');
    expect(orderPaths.deliveries('ord&1', 'm.czann')).toBe('/api/v1/service/orders/ord%261/deliveries?fileName=m.czann');
  });
  it('formats parity figures, sizes and quotes for people', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(3.2e-7)).toBe('3.20e-7');
    expect(formatNumber(0.98765)).toBe('0.9877');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Infinity)).toBe('Infinity');
    expect(formatBytes(3891)).toBe('3.8 KB');
    expect(formatBytes(684552)).toBe('668.5 KB');
    expect(formatMoney({ amountCents: 120000, currency: 'EUR', note: null })).toBe('€1,200.00');
    expect(formatMoney(null)).toBe('—');
  });
});
