export const EMPLOYMENTS = ['full_time', 'part_time', 'volunteer'] as const;
export type Employment = (typeof EMPLOYMENTS)[number];
export const PERSON_STATUSES = ['active', 'left'] as const;

/** A staff member or teacher as the server sends them: phone and ID number already masked. */
export interface Person {
  id: string;
  institutionId: string;
  institutionName: string;
  regionId: string;
  userId: string | null;
  name: string;
  employment: Employment;
  title: string;
  subjects: string;
  qualifications: string;
  phone: string | null;
  idNumber: string | null;
  status: 'active' | 'left';
  leftAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface PersonFields {
  institutionId: string;
  name: string;
  employment: Employment;
  title: string;
  subjects: string;
  qualifications: string;
  phone?: string | null;
  idNumber?: string | null;
}

export interface PeopleListQuery {
  page: number;
  pageSize: number;
  townId?: string;
  employment?: string;
  status?: string;
  q?: string;
  [key: string]: string | number | undefined;
}
