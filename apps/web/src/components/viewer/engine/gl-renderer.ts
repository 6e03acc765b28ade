import type { Rect } from '@tessera/tiling';
import type { ViewerDType } from './types';

const VERT = `#version 300 es
in vec2 a_pos;
uniform vec4 u_dest;      // x, y, w, h in CSS px
uniform vec2 u_screen;    // CSS px
uniform float u_chunk;
out vec2 v_px;
void main() {
  vec2 p = u_dest.xy + a_pos * u_dest.zw;
  v_px = a_pos * u_chunk;
  gl_Position = vec4(p.x / u_screen.x * 2.0 - 1.0, 1.0 - p.y / u_screen.y * 2.0, 0.0, 1.0);
}`;

const frag = (sampler: string) => `#version 300 es
precision highp float;
precision highp int;
uniform highp ${sampler} u_tex;
uniform float u_min;
uniform float u_max;
uniform vec3 u_color;
in vec2 v_px;
out vec4 outColor;
void main() {
  float v = float(texelFetch(u_tex, ivec2(floor(v_px)), 0).r);
  float f = u_max > u_min ? clamp((v - u_min) / (u_max - u_min), 0.0, 1.0) : (v > u_min ? 1.0 : 0.0);
  outColor = vec4(u_color * f, 1.0);
}`;

type Kind = 'uint' | 'float';
const A_POS = 0;
export interface TextureFormat { kind: Kind; internal: number; format: number; type: number }

/** 8/16/32-bit unsigned samples go to the GPU as they are (integer textures); other types as float32. */
export function textureFormat(gl: WebGL2RenderingContext, dtype: ViewerDType): TextureFormat {
  switch (dtype) {
    case 'uint8': return { kind: 'uint', internal: gl.R8UI, format: gl.RED_INTEGER, type: gl.UNSIGNED_BYTE };
    case 'uint16': return { kind: 'uint', internal: gl.R16UI, format: gl.RED_INTEGER, type: gl.UNSIGNED_SHORT };
    case 'uint32': return { kind: 'uint', internal: gl.R32UI, format: gl.RED_INTEGER, type: gl.UNSIGNED_INT };
    default: return { kind: 'float', internal: gl.R32F, format: gl.RED, type: gl.FLOAT };
  }
}

interface Program { prog: WebGLProgram; loc: Record<string, WebGLUniformLocation | null> }

export interface DrawChannel { texture: WebGLTexture; color: [number, number, number]; min: number; max: number }

/** Draws chunk textures as quads; channels add up (additive blending), each mapped through its own window and colour. */
export class GlRenderer {
  readonly gl: WebGL2RenderingContext;
  /** Compiled on first use: an image needs one of the two (shader compiles are slow in software WebGL). */
  private readonly programs: Partial<Record<Kind, Program>> = {};
  private readonly vao: WebGLVertexArrayObject;

  constructor(readonly canvas: HTMLCanvasElement) {
    const gl = canvas.getContext('webgl2', { antialias: false, premultipliedAlpha: false, preserveDrawingBuffer: true });
    if (!gl) throw new Error('This browser cannot show images: WebGL 2 is not available.');
    this.gl = gl;
    const buf = gl.createBuffer();
    gl.bindBuffer(gl.ARRAY_BUFFER, buf);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([0, 0, 1, 0, 0, 1, 1, 1]), gl.STATIC_DRAW);
    this.vao = gl.createVertexArray()!;
    gl.bindVertexArray(this.vao);
    gl.enableVertexAttribArray(A_POS); // every program binds a_pos here
    gl.vertexAttribPointer(A_POS, 2, gl.FLOAT, false, 0, 0);
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 1);
  }

  private compile(fragSrc: string): Program {
    const gl = this.gl;
    const shader = (type: number, src: string) => {
      const s = gl.createShader(type)!;
      gl.shaderSource(s, src);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`Viewer shader failed: ${gl.getShaderInfoLog(s)}`);
      return s;
    };
    const prog = gl.createProgram()!;
    gl.attachShader(prog, shader(gl.VERTEX_SHADER, VERT));
    gl.attachShader(prog, shader(gl.FRAGMENT_SHADER, fragSrc));
    gl.bindAttribLocation(prog, A_POS, 'a_pos');
    gl.linkProgram(prog);
    if (!gl.getProgramParameter(prog, gl.LINK_STATUS)) throw new Error(`Viewer shader link failed: ${gl.getProgramInfoLog(prog)}`);
    const loc = Object.fromEntries(['u_dest', 'u_screen', 'u_chunk', 'u_tex', 'u_min', 'u_max', 'u_color'].map((n) => [n, gl.getUniformLocation(prog, n)]));
    return { prog, loc };
  }

  createTexture(fmt: TextureFormat, size: number, data: ArrayBufferView): WebGLTexture {
    const gl = this.gl;
    const tex = gl.createTexture()!;
    gl.bindTexture(gl.TEXTURE_2D, tex);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
    gl.texImage2D(gl.TEXTURE_2D, 0, fmt.internal, size, size, 0, fmt.format, fmt.type, data);
    return tex;
  }

  deleteTexture(tex: WebGLTexture) {
    this.gl.deleteTexture(tex);
  }

  /** Sizes the drawing buffer to the element × pixel ratio and clears to black. */
  begin(cssWidth: number, cssHeight: number, pixelRatio: number) {
    const gl = this.gl;
    const w = Math.max(1, Math.round(cssWidth * pixelRatio));
    const h = Math.max(1, Math.round(cssHeight * pixelRatio));
    if (this.canvas.width !== w || this.canvas.height !== h) {
      this.canvas.width = w;
      this.canvas.height = h;
    }
    gl.viewport(0, 0, w, h);
    gl.disable(gl.SCISSOR_TEST);
    gl.clearColor(0, 0, 0, 1);
    gl.clear(gl.COLOR_BUFFER_BIT);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE);
    gl.enable(gl.SCISSOR_TEST);
    gl.bindVertexArray(this.vao);
  }

  drawChunk(kind: Kind, screen: { w: number; h: number; ratio: number }, dest: Rect, clip: Rect, chunkSize: number, channels: DrawChannel[]) {
    const gl = this.gl;
    const { prog, loc } = (this.programs[kind] ??= this.compile(frag(kind === 'uint' ? 'usampler2D' : 'sampler2D')));
    gl.useProgram(prog);
    const r = screen.ratio;
    const x0 = Math.round(clip.x * r);
    const y0 = Math.round(clip.y * r);
    const x1 = Math.round((clip.x + clip.w) * r);
    const y1 = Math.round((clip.y + clip.h) * r);
    gl.scissor(x0, this.canvas.height - y1, x1 - x0, y1 - y0);
    gl.uniform4f(loc.u_dest!, dest.x, dest.y, dest.w, dest.h);
    gl.uniform2f(loc.u_screen!, screen.w, screen.h);
    gl.uniform1f(loc.u_chunk!, chunkSize);
    gl.uniform1i(loc.u_tex!, 0);
    gl.activeTexture(gl.TEXTURE0);
    for (const ch of channels) {
      gl.bindTexture(gl.TEXTURE_2D, ch.texture);
      gl.uniform1f(loc.u_min!, ch.min);
      gl.uniform1f(loc.u_max!, ch.max);
      gl.uniform3f(loc.u_color!, ch.color[0], ch.color[1], ch.color[2]);
      gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
    }
  }
}
