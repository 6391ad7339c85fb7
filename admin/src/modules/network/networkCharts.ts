// The network dashboard also draws pies and legends; registering them here keeps core's chart set unchanged
// (echarts.use is idempotent, and this file is only loaded with the dashboard).
import { PieChart } from 'echarts/charts';
import { LegendComponent } from 'echarts/components';
import { echarts } from '../../core/hooks/echarts';

echarts.use([PieChart, LegendComponent]);

export type { ChartOption } from '../../core/hooks/echarts';
