/** Server messages of the network's photos and evidence files (problem+json), zh-CN: the source catalog. */
export const mediaZhCN = {
  'network.photo.not_found': '照片不存在。',
  'network.photo.image_required': '照片只能是 PNG、JPEG、GIF 或 WebP 图片。',
  'network.photo.limit': '每个机构最多上传 {max} 张照片；请先删除不用的照片。',
  'network.evidence.not_found': '佐证材料不存在。',
  'network.evidence.type': '佐证材料只能是 PDF、Word（.docx）、Excel（.xlsx）或图片（.png/.jpg/.gif/.webp），且文件内容须与扩展名相符。',
  'network.evidence.not_of_institution': '该文件不是本机构上传的佐证材料。',
};

export type MediaMessageId = keyof typeof mediaZhCN;
