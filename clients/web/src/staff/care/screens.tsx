// The care screens of the tablet (one chunk, loaded on demand): health check, meals, nap
// checks, growth. Records go through the offline queue with idempotency keys.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';

import { w } from '../../strings-work';
import { Shell } from '../../ui/shell';
import { StaffNav } from '../nav';
import { Refusals } from '../roster';
import { pending } from '../store';
import { useCareData } from '../care-data';
import { GrowthScreen } from './growth';
import { HealthScreen } from './health';
import { MealsScreen } from './meals';
import { NapsScreen } from './naps';

export function CareScreen({ banner, nurseryId, route }: { banner: ComponentChildren; nurseryId: string; route: string }) {
  useEffect(() => useCareData(nurseryId), [nurseryId]);
  const [title, body] =
    route === '/care/meals'
      ? [w('mealsTitle'), <MealsScreen />]
      : route === '/care/naps'
        ? [w('napsTitle'), <NapsScreen />]
        : route === '/care/growth'
          ? [w('growthTitle'), <GrowthScreen nurseryId={nurseryId} />]
          : [w('healthTitle'), <HealthScreen />];
  return (
    <Shell title={title} banner={banner} pending={pending.value.length} wide>
      <StaffNav />
      <Refusals />
      {body}
    </Shell>
  );
}
