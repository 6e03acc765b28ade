const seg = (id: string, name: string) => ({
  id, type: 'SingleClassSemanticSegmentation', inputShape: [1024, 1024, 1], outputShape: [1024, 1024, 2],
  minOverlap: [8, 8], classes: ['Background', 'Nucleus'], modelName: name, extra: {},
});
const n2v = { id: '04fe7fa4-0c9f-4fed-8d79-551f7fd14ac5', type: 'Regression', inputShape: [1024, 1024, 1], outputShape: [1024, 1024, 1], minOverlap: [32, 32], modelName: 'N2V_tobacco_leaf_Whitened' };
const reg512 = { id: 'b6f04bbd-2955-4996-8578-43d02d24f093', type: 'Regression', minOverlap: [8, 8], scaling: [1, 1] };

/** Exactly what each real file holds (values read off the archives with Python's zipfile). */
export const EXPECTED_METADATA: Record<string, object> = {
  'i2k_simple_kidney_regmodel.czann': {
    id: '98ff656f-d282-43f3-b485-7522303db858', type: 'Regression', inputShape: [1024, 1024, 1], outputShape: [1024, 1024, 1],
    minOverlap: [8, 8], modelName: 'Simple_Kidney_RegressionModel', extra: {},
  },
  'i2k_simple_nuclei_segmodel_from_json.czann': seg('be9d6f59-5a40-49a5-abdc-2f2a0202cde1', 'Nuclei Segmentation Model From JSON'),
  'i2k_simple_nuclei_segmodel_legacy.czseg': {
    ...seg('27eaeeab-7e9a-4f9c-88bb-6e5b477d2241', 'Simple_Nuclei_SegmentationModel_Legacy'),
    minOverlap: [16, 16], // BorderSize 8 per side
    classColors: [{ r: 255, g: 0, b: 0 }, { r: 0, g: 255, b: 0 }],
    pixelTypes: ['Gray16'], colorHandling: 'SplitRgb', scaleInputsByBitdepth: false,
  },
  'napari_N2V_tobacco_leaf.czann': { ...n2v, extra: {} },
  'napari_N2V_tobacco_leaf_Whitened.czann': {
    ...n2v,
    extra: { ModelDescription: 'C:\\Users\\m1srh\\OneDrive - Carl Zeiss AG\\Trained_Models\\N2V_tobacco_leaf_Whitened.czann' },
  },
  'napari_simple_nuclei_segmodel.czann': seg('6eeb6202-6157-424e-abd4-c8fba4046b92', 'Simple_Nuclei_SegmentationModel'),
  'napari_simple_regmodel.czann': { ...reg512, inputShape: [512, 512, 1], outputShape: [512, 512, 1], modelName: 'Simple_Kidney_RegressionModel', extra: {} },
  'napari_simple_regmodel_out5.czann': { ...reg512, inputShape: [512, 512, 5], outputShape: [512, 512, 5], modelName: 'Simple_Kidney_RegressionModel_out5', extra: {} },
};

export const ONNX_SIZES: Record<string, number> = {
  'i2k_simple_kidney_regmodel.czann': 36895, 'i2k_simple_nuclei_segmodel_from_json.czann': 3418,
  'i2k_simple_nuclei_segmodel_legacy.czseg': 3438, 'napari_N2V_tobacco_leaf.czann': 759519,
  'napari_N2V_tobacco_leaf_Whitened.czann': 759519, 'napari_simple_nuclei_segmodel.czann': 3415,
  'napari_simple_regmodel.czann': 32536, 'napari_simple_regmodel_out5.czann': 32536,
};

