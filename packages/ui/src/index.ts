/**
 * @switchyard/ui — accessible primitives and layout for Switchyard's web apps. No data fetching,
 * no copy of its own: every visible string comes from the app (so the app's message catalog
 * translates it). Import `@switchyard/ui/styles.css` once at the app's entry.
 */
export { Alert } from './alert';
export type { AlertProps, AlertTone } from './alert';
export { AppShell } from './app-shell';
export type { AppShellProps } from './app-shell';
export { Badge } from './badge';
export type { BadgeProps, BadgeTone } from './badge';
export { Button } from './button';
export type { ButtonProps, ButtonVariant } from './button';
export { Card } from './card';
export type { CardProps } from './card';
export { Pagination } from './pagination';
export type { PaginationProps } from './pagination';
export { Select } from './select';
export type { SelectOption, SelectProps } from './select';
export { Spinner } from './spinner';
export type { SpinnerProps } from './spinner';
export { Table } from './table';
export type { TableColumn, TableProps } from './table';
export { TextField } from './text-field';
export type { TextFieldProps } from './text-field';
export { BarChart } from './bar-chart';
export type { BarChartDatum, BarChartProps } from './bar-chart';
export { Checkbox } from './checkbox';
export type { CheckboxProps } from './checkbox';
export { Dialog } from './dialog';
export type { DialogProps } from './dialog';
export { RadioGroup } from './radio-group';
export type { RadioGroupProps, RadioOption } from './radio-group';
export { TextArea } from './text-area';
export type { TextAreaProps } from './text-area';
