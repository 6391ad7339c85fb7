import { Tabs } from 'antd';
import { useAuth } from '../../../core/auth/useAuth';
import { PageContainer } from '../../../core/ui/PageContainer';
import { useCatalogueT } from './catalogueText';
import { ClassesTab } from './ClassesTab';
import { CoursesTab } from './CoursesTab';
import { LEARNING_PERMISSIONS } from './learningPermissions';
import { TermsTab } from './TermsTab';

/** 课程与班级: classes (default), courses and terms, each shown to those who may read it. */
export default function CataloguePage() {
  const t = useCatalogueT();
  const { can } = useAuth();
  const items = [
    can(LEARNING_PERMISSIONS.classRead) ? { key: 'classes', label: t('tabClasses'), children: <ClassesTab /> } : null,
    can(LEARNING_PERMISSIONS.courseRead) ? { key: 'courses', label: t('tabCourses'), children: <CoursesTab /> } : null,
    can(LEARNING_PERMISSIONS.termRead) ? { key: 'terms', label: t('tabTerms'), children: <TermsTab /> } : null,
  ].filter((x): x is NonNullable<typeof x> => x !== null);
  return (
    <PageContainer title={t('title')} description={t('description')}>
      <Tabs items={items} destroyOnHidden data-testid="learning-catalogue-tabs" />
    </PageContainer>
  );
}
