"""PyTorch reference for @tessera/ml: the identical UNet, loss and Adam step.

Usage: python3 torch_unet.py <dir> curve|bench
<dir>/config.json: {"depth","width","inChannels","outChannels","head","batch","height","width_px","lr",
                    "beta1","beta2","eps","weightDecay","steps","threads","warmup"}
<dir>/params.bin: float32 parameters concatenated in unetParamSpecs order; <dir>/batch.bin: x, target, mask.
Prints one line of JSON.
"""
import json, sys, time
import numpy as np
import torch
import torch.nn.functional as F


def specs(c):
    out, cin = [], c["inChannels"]
    for l in range(c["depth"] + 1):
        ch = c["width"] * 2 ** l
        out += [("conv", cin, ch, 3), ("conv", ch, ch, 3)]
        cin = ch
    for l in range(c["depth"] - 1, -1, -1):
        ch = c["width"] * 2 ** l
        out += [("up", 2 * ch, ch, 2), ("conv", 2 * ch, ch, 3), ("conv", ch, ch, 3)]
    out.append(("conv", c["width"], c["outChannels"], 1))
    return out


def load_params(c, flat):
    params, off = [], 0
    for kind, cin, cout, k in specs(c):
        shape = (cout, cin, k, k) if kind == "conv" else (cin, cout, k, k)
        n = int(np.prod(shape))
        params.append(torch.tensor(flat[off:off + n].reshape(shape), requires_grad=True)); off += n
        params.append(torch.tensor(flat[off:off + cout].copy(), requires_grad=True)); off += cout
    assert off == flat.size, (off, flat.size)
    return params


def forward(c, p, x):
    it = iter(p)
    def conv(h, k):
        w, b = next(it), next(it)
        return F.conv2d(h, w, b, padding=(k - 1) // 2)
    skips, h = [], x
    for l in range(c["depth"] + 1):
        h = F.relu(conv(F.relu(conv(h, 3)), 3))
        if l < c["depth"]:
            skips.append(h); h = F.max_pool2d(h, 2)
    for l in range(c["depth"] - 1, -1, -1):
        w, b = next(it), next(it)
        up = F.conv_transpose2d(h, w, b, stride=2)
        h = torch.cat([up, skips[l]], 1)
        h = F.relu(conv(F.relu(conv(h, 3)), 3))
    return conv(h, 1)


def loss_fn(c, z, t, m):
    if c["head"] == "softmax":
        return (-(t * F.log_softmax(z, 1)).sum(1, keepdim=True) * m).sum() / m.sum().clamp_min(1e-8)
    mf = m.expand_as(z)
    return F.binary_cross_entropy(torch.sigmoid(z), t, weight=mf, reduction="sum") / mf.sum().clamp_min(1e-8)


def main():
    d, mode = sys.argv[1], sys.argv[2]
    c = json.load(open(f"{d}/config.json"))
    torch.set_num_threads(c.get("threads", 2))
    n, h, w = c["batch"], c["height"], c["width_px"]
    b = np.fromfile(f"{d}/batch.bin", dtype=np.float32)
    sx, st = n * c["inChannels"] * h * w, n * c["outChannels"] * h * w
    x = torch.tensor(b[:sx].reshape(n, c["inChannels"], h, w))
    t = torch.tensor(b[sx:sx + st].reshape(n, c["outChannels"], h, w))
    m = torch.tensor(b[sx + st:].reshape(n, 1, h, w))
    p = load_params(c, np.fromfile(f"{d}/params.bin", dtype=np.float32))
    kw = dict(lr=c["lr"], betas=(c["beta1"], c["beta2"]), eps=c["eps"])
    opt = torch.optim.AdamW(p, weight_decay=c["weightDecay"], **kw) if c["weightDecay"] > 0 else torch.optim.Adam(p, **kw)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(c, forward(c, p, x), t, m)
        loss.backward()
        opt.step()
        return float(loss)

    if mode == "curve":
        losses, grads = [], None
        for i in range(c["steps"]):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(c, forward(c, p, x), t, m)
            loss.backward()
            if i == 0:
                grads = np.concatenate([q.grad.detach().numpy().ravel() for q in p]).tolist()
            opt.step()
            losses.append(float(loss))
        final = np.concatenate([q.detach().numpy().ravel() for q in p]).tolist()
        print(json.dumps({"torch": torch.__version__, "losses": losses, "grads": grads, "params": final}))
    else:
        for _ in range(c.get("warmup", 3)):
            step()
        times = []
        for _ in range(c["steps"]):
            t0 = time.perf_counter(); step(); times.append((time.perf_counter() - t0) * 1000)
        print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(), "ms": times}))


main()
