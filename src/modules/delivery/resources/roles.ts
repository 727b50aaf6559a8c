/**
 * Delivery roles: what playbook tasks name as their owner and what people are planned by. A workspace may add
 * its own in Settings (`delivery.roles`); these are the defaults. `customer` is the customer's own people,
 * never a resource of ours.
 */
export const DEFAULT_DELIVERY_ROLES = [
  'project_manager',
  'solution_architect',
  'consultant',
  'integration_engineer',
  'trainer',
] as const;
export const CUSTOMER_ROLE = 'customer';
