package dev.databuild.lineage.generator;

import dev.databuild.lineage.proto.PartitionRef;
import dev.databuild.lineage.proto.ReadDeps;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The layered ref DAG of one {@link EventGenerator} pass and the per-ref facts the generator needs
 * to stay valid: which refs were ever Live, which are being built, which could be built now.
 * Refs are ints (index into the arrays) so a million-event run stays cheap.
 */
final class GeneratorDag {

    final int layers;
    /** Index of {@link EventGenerator#HUB_REF}, or -1. No DAG ref reads it, only leaf runs. */
    final int hub;
    final String[] labels;
    final PartitionRef[] proto;
    final int[] layerOf;
    final int[][] deps;
    final int[][] consumers;
    final boolean[] everLive;
    /** The task holding a ref's build lock, so two runs never build the same ref at once. */
    final Object[] holder;
    /** Inputs not yet Live; at zero the ref can be built without a dep-miss. */
    private final int[] pendingDeps;
    private final int[] layerStart;
    final IntBag live = new IntBag();
    final IntBag unbuilt = new IntBag();
    private final int[] unbuiltSlot;
    /** Refs whose inputs are all Live; may hold stale entries, which picks skip lazily. */
    private final IntBag frontier = new IntBag();

    GeneratorDag(EventGenerator.Params p, SplittableRandom rng) {
        int n = p.refCount();
        layers = p.layers();
        hub = p.hubConsumers() > 0 ? n : -1;
        int total = n + (hub >= 0 ? 1 : 0);
        labels = new String[total];
        proto = new PartitionRef[total];
        layerOf = new int[total];
        deps = new int[total][];
        everLive = new boolean[total];
        holder = new Object[total];
        pendingDeps = new int[total];
        unbuiltSlot = new int[total];
        layerStart = new int[layers + 1];
        for (int l = 0; l <= layers; l++) {
            layerStart[l] = (int) ((long) l * n / layers);
        }
        for (int l = 0; l < layers; l++) {
            for (int i = layerStart[l]; i < layerStart[l + 1]; i++) {
                String name = padded(padded("data/l", l, 2) + "/p", i - layerStart[l], 4);
                name(i, name, "//jobs:" + name.substring("data/".length()).replace('/', '_'));
                layerOf[i] = l;
                deps[i] = l == 0 ? new int[0] : chooseDeps(l, p.maxFanIn(), rng);
                pendingDeps[i] = deps[i].length;
                unbuiltSlot[i] = unbuilt.size();
                unbuilt.add(i);
                if (l == 0) {
                    frontier.add(i);
                }
            }
        }
        if (hub >= 0) {
            name(hub, EventGenerator.HUB_REF, "//jobs:hub_events");
            deps[hub] = new int[0];
            unbuiltSlot[hub] = -1;
        }
        consumers = invert(total);
    }

    private void name(int ref, String name, String label) {
        labels[ref] = label;
        proto[ref] = PartitionRef.newBuilder().setRef(name).build();
    }

    /** First input from the layer right below (so depth == layer); the rest mostly from there too. */
    private int[] chooseDeps(int layer, int maxFanIn, SplittableRandom rng) {
        int want = 1 + rng.nextInt(maxFanIn);
        int[] chosen = new int[want];
        int count = 0;
        for (int attempt = 0; count < want && attempt < want * 4; attempt++) {
            int from = count == 0 || layer == 1 || rng.nextInt(10) < 6 ? layer - 1 : rng.nextInt(layer - 1);
            int candidate = layerStart[from] + skewed(layerStart[from + 1] - layerStart[from], rng);
            boolean dup = false;
            for (int k = 0; k < count; k++) {
                dup |= chosen[k] == candidate;
            }
            if (!dup) {
                chosen[count++] = candidate;
            }
        }
        return Arrays.copyOf(chosen, count);
    }

    /** Low indices are picked far more often, so a few refs become popular inputs. */
    private static int skewed(int size, SplittableRandom rng) {
        double u = rng.nextDouble();
        return (int) (size * u * u);
    }

    private int[][] invert(int total) {
        int[] counts = new int[total];
        for (int[] ds : deps) {
            for (int d : ds) {
                counts[d]++;
            }
        }
        int[][] result = new int[total][];
        for (int i = 0; i < total; i++) {
            result[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < total; i++) {
            for (int d : deps[i]) {
                result[d][counts[d]++] = i;
            }
        }
        return result;
    }

    /** {@code prefix + n} zero-padded to {@code width} digits; String.format is too slow for 1M ids. */
    static String padded(String prefix, int n, int width) {
        String digits = Integer.toString(n);
        StringBuilder sb = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int k = digits.length(); k < width; k++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    // ---- picks (each returns -1 when nothing fits) ----

    int pickTopLayer(SplittableRandom rng) {
        int start = layerStart[layers - 1];
        int size = layerStart[layers] - start;
        int offset = rng.nextInt(size);
        for (int k = 0; k < size; k++) {
            int ref = start + (offset + k) % size;
            if (!everLive[ref] && holder[ref] == null) {
                return ref;
            }
        }
        return -1;
    }

    int pickUnbuilt(SplittableRandom rng, boolean needsMissingInputs) {
        for (int attempt = 0; attempt < 8 && unbuilt.size() > 0; attempt++) {
            int ref = unbuilt.get(rng.nextInt(unbuilt.size()));
            if (holder[ref] == null && (!needsMissingInputs || pendingDeps[ref] > 0)) {
                return ref;
            }
        }
        return -1;
    }

    int pickFrontier(SplittableRandom rng) {
        while (frontier.size() > 0) {
            int slot = rng.nextInt(frontier.size());
            int ref = frontier.get(slot);
            frontier.removeAt(slot);
            if (!everLive[ref] && holder[ref] == null) {
                return ref;
            }
        }
        return -1;
    }

    /** The ref plus up to {@code extra} unbuilt, idle neighbours of the same layer (a "range" want). */
    int[] withSiblings(int ref, int extra) {
        int[] refs = new int[1 + extra];
        refs[0] = ref;
        int count = 1;
        for (int r = ref + 1; r < ref + 1 + extra && r < layerStart[layerOf[ref] + 1]; r++) {
            if (!everLive[r] && holder[r] == null) {
                refs[count++] = r;
            }
        }
        return Arrays.copyOf(refs, count);
    }

    int[] pickLive(SplittableRandom rng, int howMany) {
        int[] refs = new int[howMany];
        int count = 0;
        for (int attempt = 0; attempt < howMany; attempt++) {
            int ref = live.get(rng.nextInt(live.size()));
            boolean dup = false;
            for (int k = 0; k < count; k++) {
                dup |= refs[k] == ref;
            }
            if (!dup) {
                refs[count++] = ref;
            }
        }
        return Arrays.copyOf(refs, count);
    }

    int pickLiveConsumer(SplittableRandom rng, int ref) {
        int[] cs = consumers[ref];
        if (cs.length == 0) {
            return -1;
        }
        int c = cs[rng.nextInt(cs.length)];
        return everLive[c] ? c : -1;
    }

    // ---- state ----

    int[] missingDeps(int ref) {
        return filterDeps(ref, false);
    }

    int[] liveDeps(int ref) {
        return filterDeps(ref, true);
    }

    private int[] filterDeps(int ref, boolean wantLive) {
        int[] ds = deps[ref];
        int[] result = new int[ds.length];
        int count = 0;
        for (int d : ds) {
            if (everLive[d] == wantLive) {
                result[count++] = d;
            }
        }
        return count == ds.length ? result : Arrays.copyOf(result, count);
    }

    ReadDeps readDeps(int ref, int[] reads) {
        return GeneratorEvents.readDeps(proto[ref], protos(reads));
    }

    List<PartitionRef> protos(int[] refs) {
        List<PartitionRef> result = new ArrayList<>(refs.length);
        for (int r : refs) {
            result.add(proto[r]);
        }
        return result;
    }

    void markLive(int ref) {
        if (everLive[ref]) {
            return;
        }
        everLive[ref] = true;
        if (ref == hub) {
            return;
        }
        live.add(ref);
        int slot = unbuiltSlot[ref];
        int moved = unbuilt.removeAt(slot);
        if (moved >= 0) {
            unbuiltSlot[moved] = slot;
        }
        for (int c : consumers[ref]) {
            if (--pendingDeps[c] == 0 && !everLive[c]) {
                frontier.add(c);
            }
        }
    }

    /** A first build that gave up: make the ref pickable again once nothing holds it. */
    void buildAbandoned(int ref) {
        if (!everLive[ref] && ref != hub && pendingDeps[ref] == 0) {
            frontier.add(ref);
        }
    }

    /** A growable int list with O(1) swap-removal (order is irrelevant, picks are random). */
    static final class IntBag {
        private int[] items = new int[16];
        private int size;

        int size() {
            return size;
        }

        int get(int slot) {
            return items[slot];
        }

        void add(int value) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = value;
        }

        /** Removes the slot by moving the last item into it; returns that moved item, or -1. */
        int removeAt(int slot) {
            int last = items[--size];
            if (slot == size) {
                return -1;
            }
            items[slot] = last;
            return last;
        }
    }
}
