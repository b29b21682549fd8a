import addModule from "./add.wasm";
import data from "./data.bin";

export default {
  async fetch() {
    const instance = await WebAssembly.instantiate(addModule);
    return Response.json({
      isModule: addModule instanceof WebAssembly.Module,
      sum: instance.exports.add(40, 2),
      data: [...new Uint8Array(data)],
      dataIsBuffer: data instanceof ArrayBuffer,
    });
  },
};
