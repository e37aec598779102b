import type { components } from '../../../api/schema';

type Schemas = components['schemas'];

export type Cart = Schemas['Cart'];
export type CartGroup = Schemas['CartGroup'];
export type CartLine = Schemas['CartLine'];
export type CartProblem = Schemas['CartProblem'];

export type CheckoutRequest = Schemas['CheckoutIn'];
export type CheckoutResult = Schemas['CheckoutResult'];
export type ShippingAddress = Schemas['ShippingAddress'];

export type OrderStatus = Schemas['OrderStatus'];
export type OrderSummary = Schemas['OrderSummary'];
export type OrderDetail = Schemas['OrderDetail'];
export type OrderPage = Schemas['OrderPage'];
export type OrderEvent = Schemas['OrderEvent'];

export type Review = Schemas['ReviewOut'];
export type ReviewPage = Schemas['ReviewPage'];

export type Earnings = Schemas['Earnings'];
export type Balance = Schemas['Balance'];
export type LedgerLine = Schemas['LedgerLine'];
