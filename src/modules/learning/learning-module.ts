import type { PlatformModule } from '../../core/modules.js';
import './permissions.js';
import './i18n/messages.js';
import './account-links.js';
import './catalogue/institution-dependent.js';
import * as m0013classes from './migrations/0013_learning_classes.js';
import { catalogueRoutes } from './catalogue/catalogue-routes.js';
import { classPortalRoutes } from './catalogue/portal/class-portal-routes.js';
import { registerPlaceClassesSection } from './catalogue/portal/place-classes-section.js';
import { seedDemoCatalogue } from './catalogue/demo-catalogue.js';
import { enrolmentRoutes } from './enrolment/enrolment-routes.js';
import { enrolmentPortalRoutes } from './enrolment/portal/enrolment-portal-routes.js';
import { startOfferWorker } from './enrolment/offer-worker.js';
import * as m0014surveys from './migrations/0014_learning_surveys.js';
import { surveyRoutes } from './surveys/survey-routes.js';
import { surveyPortalRoutes } from './surveys/portal/survey-portal-routes.js';
import { seedDemoSurveys } from './surveys/demo-surveys.js';
import * as m0015attendance from './migrations/0015_learning_attendance.js';
import { attendanceRoutes } from './attendance/attendance-routes.js';
import { attendancePortalRoutes } from './attendance/portal/attendance-portal-routes.js';
import { seedDemoAttendance } from './attendance/demo-attendance.js';
import { certificateRoutes } from './certificates/certificate-routes.js';
import { certificatePortalRoutes } from './certificates/portal/certificate-portal-routes.js';
import { startCompletionWorker } from './certificates/completion-worker.js';
import * as m0017online from './migrations/0017_learning_online.js';
import { onlineRoutes } from './online/online-routes.js';
import { onlinePortalRoutes } from './online/portal/online-portal-routes.js';
import { seedDemoOnline } from './online/demo-online.js';
import './stats/stats-permissions.js';
import { statsRoutes } from './stats/stats-routes.js';
import * as m0016lottery from './migrations/0016_learning_lottery.js';
import { lotteryRoutes } from './lottery/lottery-routes.js';
import { lotteryPortalRoutes } from './lottery/portal/lottery-portal-routes.js';
import { seedDemoLottery } from './lottery/demo-lottery.js';
import * as m0018credits from './migrations/0018_learning_credits.js';
import * as m0020awardCodes from './migrations/0020_learning_award_codes.js';
import { creditRoutes } from './credits/credit-routes.js';
import { startCreditWorker } from './credits/credit-worker.js';
import { seedDemoCredits } from './credits/demo-credits.js';
import { awardPortalRoutes } from './credits/portal/award-portal-routes.js';
import { recordRoutes } from './record/record-routes.js';
import { recordPortalRoutes } from './record/portal/record-portal-routes.js';
import './record/own-data-results.js';
import { learningPiInventory } from './pi-inventory.js';

/**
 * The learning module: courses and classes, enrolment (first come with waitlist and offers, lottery), attendance,
 * completion and certificates, the lifelong learning record and credits, online courses and learning-needs surveys.
 * See README.md in this folder.
 */
export const learningModule: PlatformModule = {
  name: 'learning',
  piInventory: learningPiInventory,
  // The portal's 网络课程 section (nav item module 'learning.online').
  provides: ['learning.online'],
  migrations: {
    // Global sequence names (Kysely orders by name across all modules).
    '0013_learning_classes': m0013classes,
    '0014_learning_surveys': m0014surveys,
    '0015_learning_attendance': m0015attendance,
    '0016_learning_lottery': m0016lottery,
    '0017_learning_online': m0017online,
    '0018_learning_credits': m0018credits,
    '0020_learning_award_codes': m0020awardCodes,
  },
  async seedDemo(core) {
    // Each part adds its demo seed here, catalogue first (enrolments need classes).
    await seedDemoCatalogue(core);
    await seedDemoSurveys(core);
    await seedDemoAttendance(core);
    await seedDemoOnline(core);
    await seedDemoLottery(core);
    await seedDemoCredits(core);
  },
  start(core) {
    const stops = [startOfferWorker(core), startCompletionWorker(core), startCreditWorker(core)];
    return async () => { await Promise.all(stops.map((stop) => stop())); };
  },
  async register(_app) {
    // Each part registers its routes here.
    await _app.register(catalogueRoutes);
    await _app.register(classPortalRoutes);
    registerPlaceClassesSection(_app.core);
    await _app.register(enrolmentRoutes);
    await _app.register(enrolmentPortalRoutes);
    await _app.register(surveyRoutes);
    await _app.register(surveyPortalRoutes);
    await _app.register(attendanceRoutes);
    await _app.register(attendancePortalRoutes);
    await _app.register(certificateRoutes);
    await _app.register(certificatePortalRoutes);
    await _app.register(onlineRoutes);
    await _app.register(onlinePortalRoutes);
    await _app.register(statsRoutes);
    await _app.register(lotteryRoutes);
    await _app.register(lotteryPortalRoutes);
    await _app.register(creditRoutes);
    await _app.register(awardPortalRoutes);
    await _app.register(recordRoutes);
    await _app.register(recordPortalRoutes);
  },
};
