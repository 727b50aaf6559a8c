import { useQuery } from '@tanstack/react-query';
import { get } from '../../api/client.ts';
import type { Holiday, Resource, RoleList, TimeOff } from '../../../../src/modules/delivery/resources/resource.ts';

export type { Holiday, Resource, RoleList, TimeOff };

export const usePeople = () =>
  useQuery({
    queryKey: ['delivery', 'people'],
    queryFn: () => get<{ items: Resource[] }>('/api/v1/resources').then((r) => r.items),
  });

export const useRoles = () =>
  useQuery({ queryKey: ['delivery', 'roles'], queryFn: () => get<RoleList>('/api/v1/delivery/roles') });

export const useHolidays = () =>
  useQuery({
    queryKey: ['delivery', 'holidays'],
    queryFn: () => get<{ items: Holiday[] }>('/api/v1/delivery/holidays').then((r) => r.items),
  });

export const useTimeOff = () =>
  useQuery({
    queryKey: ['delivery', 'time-off'],
    queryFn: () => get<{ items: TimeOff[] }>('/api/v1/delivery/time-off').then((r) => r.items),
  });

export const WEEKDAYS = [
  { value: '1', label: 'Mon' },
  { value: '2', label: 'Tue' },
  { value: '3', label: 'Wed' },
  { value: '4', label: 'Thu' },
  { value: '5', label: 'Fri' },
  { value: '6', label: 'Sat' },
  { value: '7', label: 'Sun' },
];

export const roleLabel = (role: string) => role.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
