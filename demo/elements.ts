/*
 * The kit's elements, loaded render-blocking (see index.html): they are defined, and draw their
 * skeletons at their final size, before the portal's first frame, so nothing moves when they
 * arrive. The mock backend and the toolbar (main.ts) start without holding the first frame.
 */
import '../src/audience-list.ts';
import '../src/picker.ts';
import '../src/program-funnel.ts';
import '../src/provider.ts';
import '../src/statistics.ts';
import '../src/summary.ts';
