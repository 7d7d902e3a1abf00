// Runs a TF.js graph model (model.json + weight shards) in plain JavaScript on the CPU backend: the oracle the
// ONNX translation is tested against. Inputs and outputs are raw little-endian float32 files.
//   node run.js MODEL_JSON INPUT_NAME SHAPE OUTPUTS INPUT.f32... 
// SHAPE is comma-separated (1,3,416,416); OUTPUTS comma-separated node names. For input k, output j is written to
// INPUT.f32.out<j>; the last line on stdout is a JSON array with the outputs' shapes.
const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs-core');
require('@tensorflow/tfjs-backend-cpu');
const converter = require('@tensorflow/tfjs-converter');

async function load(modelJson) {
  const json = JSON.parse(fs.readFileSync(modelJson, 'utf8'));
  const specs = [];
  const shards = [];
  for (const group of json.weightsManifest) {
    specs.push(...group.weights);
    for (const p of group.paths) shards.push(fs.readFileSync(path.join(path.dirname(modelJson), p)));
  }
  const all = Buffer.concat(shards);
  return converter.loadGraphModel(tf.io.fromMemory({
    modelTopology: json.modelTopology,
    weightSpecs: specs,
    weightData: all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength),
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy,
    signature: json.signature,
  }));
}

async function main() {
  const [modelJson, inputName, shapeText, outputText, ...inputs] = process.argv.slice(2);
  if (!inputs.length) throw new Error('usage: node run.js MODEL_JSON INPUT_NAME SHAPE OUTPUTS INPUT.f32...');
  await tf.setBackend('cpu');
  const model = await load(modelJson);
  const shape = shapeText.split(',').map(Number);
  const outputs = outputText.split(',');
  let shapes = [];
  for (const file of inputs) {
    const raw = fs.readFileSync(file);
    const input = tf.tensor(new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4), shape, 'float32');
    const results = [].concat(model.execute({ [inputName]: input }, outputs));
    shapes = results.map((r) => r.shape);
    results.forEach((r, j) => fs.writeFileSync(`${file}.out${j}`, Buffer.from(new Float32Array(r.dataSync()).buffer)));
    tf.dispose([input, ...results]);
  }
  process.stdout.write(JSON.stringify(shapes) + '\n');
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
