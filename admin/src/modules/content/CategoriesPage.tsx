import { EyeInvisibleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Skeleton, Tag, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useProblemText } from '../../core/api/useProblemText';
import { useLang, useT } from '../../core/i18n/useT';
import { PageContainer } from '../../core/ui/PageContainer';
import { categoriesApi } from './api';
import { buildCategoryTree, type CategoryNode } from './categoryTree';
import { CategoryForm, type CategoryFormMode } from './CategoryForm';
import type { Category, CategoryInput } from './types';
import { useCategories } from './useCategories';

interface TreeNode {
  key: string;
  title: React.ReactNode;
  children?: TreeNode[];
}

/** 栏目管理: the category tree on the left, the selected (or new) category's form on the right. */
export default function CategoriesPage() {
  const t = useT();
  const { lang } = useLang();
  const problemText = useProblemText();
  const { message } = App.useApp();
  const categories = useCategories();
  const [mode, setMode] = useState<CategoryFormMode | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const treeData = useMemo(() => {
    const decorate = (nodes: CategoryNode[]): TreeNode[] =>
      nodes.map((node) => ({
        key: node.key,
        title: (
          <span data-testid={`category-node-${node.category.slug}`}>
            {node.title}
            {node.category.itemKind === 'official_document' ? (
              <Tag color="red" style={{ marginInlineStart: 6 }}>
                {t('content.kind.official_document')}
              </Tag>
            ) : null}
            {!node.category.visible ? <EyeInvisibleOutlined aria-label={t('content.categories.hidden')} style={{ marginInlineStart: 6 }} /> : null}
          </span>
        ),
        children: node.children ? decorate(node.children) : undefined,
      }));
    return decorate(buildCategoryTree(categories.data ?? [], lang));
  }, [categories.data, lang, t]);

  const selected = mode?.kind === 'edit' ? mode.category.id : mode?.kind === 'create' ? mode.parent?.id : undefined;
  const find = (id: string) => categories.data?.find((c) => c.id === id) ?? null;

  const select = (next: CategoryFormMode | null) => {
    setDeleteError(null);
    setMode(next);
  };

  const save = async (input: CategoryInput) => {
    const saved =
      mode?.kind === 'edit' ? await categoriesApi.update(mode.category.id, input) : await categoriesApi.create(input);
    message.success(t('common.saved'));
    categories.reload();
    select({ kind: 'edit', category: saved });
  };

  const remove = async (category: Category) => {
    try {
      await categoriesApi.remove(category.id);
      message.success(t('content.categories.deleted', { name: category.nameZh }));
      categories.reload();
      select(null);
    } catch (failure) {
      setDeleteError(problemText(failure));
    }
  };

  return (
    <PageContainer
      title={t('content.categories.title')}
      description={t('content.categories.description')}
      extra={
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => select({ kind: 'create', parent: null })} data-testid="category-add-root">
          {t('content.categories.addRoot')}
        </Button>
      }
    >
      {categories.error ? <Alert type="error" showIcon title={problemText(categories.error)} style={{ marginBottom: 16 }} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('content.categories.tree')}>
            {categories.loading && !categories.data ? (
              <Skeleton active />
            ) : (
              <Tree
                treeData={treeData}
                defaultExpandAll
                blockNode
                selectedKeys={selected ? [selected] : []}
                onSelect={(keys) => {
                  const category = keys[0] ? find(String(keys[0])) : null;
                  select(category ? { kind: 'edit', category } : null);
                }}
                data-testid="category-tree"
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small">
            {mode ? (
              <>
                {mode.kind === 'edit' ? (
                  <Flex justify="flex-end" style={{ marginBottom: 8 }}>
                    <Button icon={<PlusOutlined aria-hidden />} onClick={() => select({ kind: 'create', parent: mode.category })} data-testid="category-add-child">
                      {t('content.categories.addChild')}
                    </Button>
                  </Flex>
                ) : null}
                <CategoryForm mode={mode} onSave={save} onDelete={remove} deleteError={deleteError} />
              </>
            ) : (
              <Empty description={t('content.categories.pick')} />
            )}
          </Card>
        </Col>
      </Row>
    </PageContainer>
  );
}
