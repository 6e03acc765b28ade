"""PyTorch reference for @tessera/ml: the identical UNet, loss and Adam step.

Usage: python3 torch_unet.py <dir> curve|bench
<dir>/config.json: {"depth","width","inChannels","outChannels","head","norm"?,"normGroups","batch","height","width_px",
                    "lr","beta1","beta2","eps","weightDecay","steps","threads","warmup"}
<dir>/params.bin: float32 parameters concatenated in unetParamSpecs order; <dir>/batch.bin: x, target, mask.
norm "group": each 3x3 block is conv (no bias) -> torch.nn.GroupNorm (largest divisor of C <= normGroups) -> ReLU.
Prints one line of JSON.
"""
import json, sys, time
import numpy as np
import torch
import torch.nn.functional as F


def specs(c):
    block = "gn" if c.get("norm") == "group" else "conv"
    out, cin = [], c["inChannels"]
    for l in range(c["depth"] + 1):
        ch = c["width"] * 2 ** l
        out += [(block, cin, ch, 3), (block, ch, ch, 3)]
        cin = ch
    for l in range(c["depth"] - 1, -1, -1):
        ch = c["width"] * 2 ** l
        out += [("up", 2 * ch, ch, 2), (block, 2 * ch, ch, 3), (block, ch, ch, 3)]
    out.append(("conv", c["width"], c["outChannels"], 1))
    return out


def groups_for(c, ch):
    g = min(c["normGroups"], ch)
    while ch % g:
        g -= 1
    return g


def load_params(c, flat):
    """The parameters in spec order, and the GroupNorm modules (whose weight and bias are among the parameters)."""
    params, norms, off = [], [], 0
    def take(shape):
        nonlocal off
        n = int(np.prod(shape))
        t = torch.tensor(flat[off:off + n].reshape(shape)); off += n
        return t
    for kind, cin, cout, k in specs(c):
        params.append(take((cin, cout, k, k) if kind == "up" else (cout, cin, k, k)).requires_grad_())
        if kind == "gn":
            gn = torch.nn.GroupNorm(groups_for(c, cout), cout, eps=1e-5)
            with torch.no_grad():
                gn.weight.copy_(take((cout,))); gn.bias.copy_(take((cout,)))
            params += [gn.weight, gn.bias]; norms.append(gn)
        else:
            params.append(take((cout,)).requires_grad_())
    assert off == flat.size, (off, flat.size)
    return params, norms


def forward(c, p, norms, x):
    it, nt = iter(p), iter(norms)
    def conv(h, k):
        w, b = next(it), next(it)
        return F.conv2d(h, w, b, padding=(k - 1) // 2)
    def block(h):
        if c.get("norm") != "group":
            return F.relu(conv(h, 3))
        w, gn = next(it), next(nt)
        next(it); next(it)  # gn.weight, gn.bias
        return F.relu(gn(F.conv2d(h, w, None, padding=1)))
    skips, h = [], x
    for l in range(c["depth"] + 1):
        h = block(block(h))
        if l < c["depth"]:
            skips.append(h); h = F.max_pool2d(h, 2)
    for l in range(c["depth"] - 1, -1, -1):
        w, b = next(it), next(it)
        up = F.conv_transpose2d(h, w, b, stride=2)
        h = torch.cat([up, skips[l]], 1)
        h = block(block(h))
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
    p, norms = load_params(c, np.fromfile(f"{d}/params.bin", dtype=np.float32))
    kw = dict(lr=c["lr"], betas=(c["beta1"], c["beta2"]), eps=c["eps"])
    opt = torch.optim.AdamW(p, weight_decay=c["weightDecay"], **kw) if c["weightDecay"] > 0 else torch.optim.Adam(p, **kw)

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(c, forward(c, p, norms, x), t, m)
        loss.backward()
        opt.step()
        return float(loss)

    if mode == "curve":
        losses, grads = [], None
        for i in range(c["steps"]):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(c, forward(c, p, norms, x), t, m)
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
